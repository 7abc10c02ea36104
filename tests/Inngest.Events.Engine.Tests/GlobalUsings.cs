global using System.Text.Json;
global using Inngest.Events.Protocol;
global using Xunit;
