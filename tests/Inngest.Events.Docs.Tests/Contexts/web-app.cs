// Context "web-app": Program.cs of an ASP.NET Core app (Microsoft.NET.Sdk.Web with ImplicitUsings) that references the
// Inngest.Events.AspNetCore package. A block's statements are the top-level statements; the usings are exactly the
// Web SDK's implicit ones, so a block compiles only if it has the usings a user needs. The app has one function of its
// own (below, with its usings inside its namespace so they do not reach the block), so that there is a registry.
global using System;
global using System.Collections.Generic;
global using System.IO;
global using System.Linq;
global using System.Net.Http;
global using System.Net.Http.Json;
global using System.Threading;
global using System.Threading.Tasks;
global using Microsoft.AspNetCore.Builder;
global using Microsoft.AspNetCore.Hosting;
global using Microsoft.AspNetCore.Http;
global using Microsoft.AspNetCore.Routing;
global using Microsoft.Extensions.Configuration;
global using Microsoft.Extensions.DependencyInjection;
global using Microsoft.Extensions.Hosting;
global using Microsoft.Extensions.Logging;

// <statements>

namespace DocsContext
{
    using Inngest.Events;

    [Event("billing/refund.issued")]
    public partial record RefundIssued(string RefundId);

    public sealed class RefundFunctions
    {
        [InngestFunction("record-refund")]
        public Task RecordAsync(Event<RefundIssued> evt, IStepTools step) => step.RunAsync("record", () => evt.Data.RefundId);
    }
}
