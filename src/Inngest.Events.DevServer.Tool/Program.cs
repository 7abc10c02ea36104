using Inngest.Events.DevServer.Tool;

// inngest-dotnet: the Inngest.Events dev server as a .NET tool. See DevCommand and README ("The dev server").
return await DevServerTool.RunAsync(args, Console.Out, Console.Error, CancellationToken.None);
