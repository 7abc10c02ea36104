global using System.Text.Json;
global using Inngest.Events;
global using Inngest.Events.Engine;
global using Inngest.Events.Testing;
global using Xunit;
