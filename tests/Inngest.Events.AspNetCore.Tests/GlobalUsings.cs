global using System.Net;
global using System.Text;
global using System.Text.Json;
global using Inngest.Events.Protocol;
global using Xunit;
