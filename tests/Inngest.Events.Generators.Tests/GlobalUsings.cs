global using Xunit;
global using Inngest.Events;
