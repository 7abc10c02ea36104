using Microsoft.Extensions.Logging;

namespace Inngest.Events.Tests;

/// <summary>
/// A logger factory that keeps the warnings (and worse) logged through it, formatted: give it to an engine, or give one
/// of its loggers to a client. The engine tests link this file.
/// </summary>
internal sealed class WarningLog : ILoggerFactory
{
    private readonly List<string> _warnings = [];

    public IReadOnlyList<string> Warnings
    {
        get
        {
            lock (_warnings)
            {
                return [.. _warnings];
            }
        }
    }

    public ILogger CreateLogger(string categoryName) => new Collector(this);

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }

    private sealed class Collector(WarningLog owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull
            => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                lock (owner._warnings)
                {
                    owner._warnings.Add(formatter(state, exception));
                }
            }
        }
    }
}
