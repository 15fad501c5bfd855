using System.Diagnostics;
using System.Text;

namespace RetailDatagen.Tests.TestSupport;

/// <summary>
/// The built app (<c>dotnet RetailDatagen.Web.dll …</c>) as a real child process: for what only a process shows —
/// signals, OS locks between processes, a port taken by someone else, the exit code and what reaches the console.
/// </summary>
public sealed class AppProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();

    private AppProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => Append(_stdout, e.Data);
        _process.ErrorDataReceived += (_, e) => Append(_stderr, e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int Id => _process.Id;

    public string StandardOutput => Read(_stdout);

    public string StandardError => Read(_stderr);

    public static AppProcess Start(string workingDirectory, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "RetailDatagen.Web.dll"));
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        return new AppProcess(Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start."));
    }

    /// <summary>Sends a signal with kill(1), as a user, systemd or docker would.</summary>
    public void Signal(string name)
    {
        using var kill = Process.Start(
            "kill",
            ["-" + name, Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]
        );
        kill.WaitForExit();
    }

    /// <summary>The exit code. The generous limit only keeps a hung child from hanging the suite; it is not a speed
    /// check.</summary>
    public async Task<int> WaitForExitAsync()
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        limit.CancelAfter(TimeSpan.FromMinutes(3));
        try
        {
            await _process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"The app did not exit. stdout: {StandardOutput} stderr: {StandardError}");
        }

        _process.WaitForExit(); // flushes the redirected output
        return _process.ExitCode;
    }

    /// <summary>Waits until <paramref name="condition"/> holds (polling the file system), failing with the child's
    /// output if it exits first.</summary>
    public async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        limit.CancelAfter(TimeSpan.FromMinutes(3));
        while (!condition())
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException(
                    $"The app exited ({_process.ExitCode}) before {what}. stderr: {StandardError}"
                );
            }

            await Task.Delay(25, limit.Token);
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    private static void Append(StringBuilder target, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (target)
        {
            target.AppendLine(line);
        }
    }

    private static string Read(StringBuilder source)
    {
        lock (source)
        {
            return source.ToString();
        }
    }
}
