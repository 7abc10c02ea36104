global using Inngest.Events;
global using Inngest.Events.Engine;
global using Inngest.Events.Generated.Onboarding;
global using Inngest.Events.Testing;
global using Onboarding;
global using Xunit;
