using Inngest.Events;
using Inngest.Events.Generated;
using Onboarding;

// The Onboarding flow served over HTTP: a dev server (or Inngest) syncs http://localhost:5000/api/inngest and calls
// the functions there. In dev mode events go to the dev server at INNGEST_DEV (default http://localhost:8288).
//
//   inngest-dotnet dev -u http://localhost:5000/api/inngest
//   INNGEST_DEV=1 dotnet run --project samples/OnboardingApp
//   curl -X POST http://localhost:5000/signup/u-42        (or send user/account.created from the dev server's UI)
var builder = WebApplication.CreateBuilder(args);
builder.WebHost.UseUrls(builder.Configuration["urls"] ?? "http://localhost:5000");
builder.Services.AddSingleton<Mailer>().AddSingleton<Billing>().AddSingleton<Crm>();
builder.Services.AddInngest(options => options.AppId = "onboarding").AddFunctions();

var app = builder.Build();
app.MapInngest("/api/inngest");
app.MapPost("/signup/{userId}", async (string userId, IInngestClient inngest) =>
{
    var sent = await inngest.SendAsync(new AccountCreated(userId, $"{userId}@example.com", "pro"));
    return Results.Json(new { ids = sent.Ids });
});
await app.RunAsync();
