using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using RetailDatagen.Core;
using RetailDatagen.Core.Model;
using RetailDatagen.Core.Options;
using RetailDatagen.Core.Pipeline;

namespace RetailDatagen.Tests.Core;

/// <summary>The pipeline as the web app and the CLI get it: from <c>AddRetailDatagenCore</c>.</summary>
public sealed class PipelineServicesTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly RecordingLoggerProvider _logs = new();

    [Fact]
    public async Task Pipeline_FromTheContainer_UsesTheRegisteredClock()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2030, 5, 6, 7, 8, 9, TimeSpan.Zero));
        await using var services = new ServiceCollection()
            .AddSingleton<TimeProvider>(clock)
            .AddRetailDatagenCore()
            .BuildServiceProvider();

        var pipeline = services.GetRequiredService<GenerationPipeline>();
        var manifest = await pipeline.RunAsync(
            Request(TestRuns.Tiny with { Format = OutputFormat.Csv }),
            null,
            TestContext.Current.CancellationToken
        );

        Assert.Same(pipeline, services.GetRequiredService<GenerationPipeline>());
        Assert.Equal(clock.GetUtcNow(), manifest.StartedAt);
    }

    [Fact]
    public async Task FailedRun_IsLoggedOnce_AsAnErrorNamingTheRun()
    {
        await using var services = new ServiceCollection()
            .AddLogging(b => b.AddProvider(_logs))
            .AddRetailDatagenCore()
            .BuildServiceProvider();
        var request = Request(TestRuns.Tiny) with
        {
            AfterBatch = (table, _) =>
            {
                if (table == Tables.Customers)
                {
                    throw new IOException("disk full (injected)");
                }
            },
        };

        await Assert.ThrowsAsync<IOException>(() =>
            services
                .GetRequiredService<GenerationPipeline>()
                .RunAsync(request, null, TestContext.Current.CancellationToken)
        );

        var error = Assert.Single(_logs.Entries, e => e.Level >= LogLevel.Error);
        Assert.Contains(request.RunId, error.Message, StringComparison.Ordinal);
        Assert.IsType<IOException>(error.Exception);
    }

    public void Dispose() => _temp.Dispose();

    private GenerationRequest Request(GenerationOptions options) =>
        new()
        {
            Options = options,
            OutputDirectory = _temp.Combine("run"),
            RunId = TestRuns.NewRunId(),
        };

    private sealed record LogEntry(LogLevel Level, string Message, Exception? Exception);

    private sealed class RecordingLoggerProvider : ILoggerProvider, ILogger
    {
        public ConcurrentQueue<LogEntry> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(
            LogLevel logLevel,
            EventId eventId,
            TState state,
            Exception? exception,
            Func<TState, Exception?, string> formatter
        ) => Entries.Enqueue(new LogEntry(logLevel, formatter(state, exception), exception));

        public void Dispose() { }
    }
}
