global using System.Text.Json;
global using System.Text.Json.Nodes;
global using Inngest.Events.Protocol;
global using Xunit;
