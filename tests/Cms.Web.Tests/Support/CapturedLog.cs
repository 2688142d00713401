using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Cms.Web.Tests.Support;

/// <summary>
/// What a running host logs, kept in memory for a test to read; attached to the host's logger factory, so it sees
/// what the host's own filters let through (Warning and above in <see cref="CmsFactory"/>).
/// </summary>
public sealed class CapturedLog : ILoggerProvider
{
    private readonly ConcurrentQueue<(string Category, LogLevel Level, string Message)> _entries = new();

    public IReadOnlyList<(string Category, LogLevel Level, string Message)> Entries => [.. _entries];

    /// <summary>Adds a fresh capture to the host's logging; loggers created before see it too.</summary>
    public static CapturedLog AttachTo(IServiceProvider services)
    {
        var log = new CapturedLog();
        Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<ILoggerFactory>(services).AddProvider(log);
        return log;
    }

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _entries);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<(string, LogLevel, string)> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            entries.Enqueue((category, logLevel, formatter(state, exception)));
    }
}
