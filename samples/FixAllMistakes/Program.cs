using FixAllMistakes.Billing;
using FixAllMistakes.Orders;
using FixAllMistakes.Shipping;
using Inngest.Events;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddInngest(o => o.AppId = "shop");
builder.Services.AddSingleton<OrderStore>();
builder.Services.AddSingleton<BillingFunctions>();
builder.Services.AddSingleton<ShippingFunctions>();

var app = builder.Build();
app.MapOrderEndpoints();
app.Run();
