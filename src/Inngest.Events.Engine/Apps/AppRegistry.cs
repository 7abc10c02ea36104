using System.Buffers;
using System.Text;
using System.Text.Json;
using Inngest.Events.Engine.Http;
using Inngest.Events.Engine.Internal;
using Inngest.Events.Engine.Store;
using Inngest.Events.Protocol;
using Inngest.Events.Runner;
using Microsoft.Extensions.Logging;

namespace Inngest.Events.Engine.Apps;

/// <summary>
/// The functions the engine runs: its own (called in memory through its <see cref="FunctionRunner"/>) and those of the
/// apps that synced with it (called over HTTP), in-band when the engine asks or by posting a register request. Owns
/// the apps, their drivers and the list of registered functions. Guarded by the engine's lock unless noted.
/// </summary>
internal sealed class AppRegistry : IDisposable
{
    private const string SyncKindHeader = InngestHeaders.SyncKind;

    private readonly EngineParts _parts;
    private readonly EngineContext _context;
    private readonly FunctionRunner _runner;
    private readonly Dictionary<string, RemoteApp> _apps = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HttpFunctionDriver> _remoteByCompositeId = new(StringComparer.Ordinal);
    private readonly Dictionary<InngestFunctionDefinition, HttpFunctionDriver> _remoteDrivers = new(ReferenceEqualityComparer.Instance);
    private readonly object _httpGate = new();
    private IReadOnlyList<InngestFunctionDefinition> _functions;
    private volatile InngestEngineHttpOptions _httpOptions = new();
    private EngineHttpClient? _http;
    private InMemoryFunctionDriver? _inMemory;

    public AppRegistry(EngineParts parts, IReadOnlyList<InngestFunctionDefinition> own, FunctionRunner runner)
    {
        _parts = parts;
        _context = parts.Context;
        _runner = runner;
        _functions = own;
    }

    /// <summary>Every registered function: the engine's own first, then each app's, in sync order.</summary>
    public IReadOnlyList<InngestFunctionDefinition> Functions => _functions;

    /// <summary>Thread-safe.</summary>
    public InngestEngineHttpOptions HttpOptions
    {
        get => _httpOptions;
        set => _httpOptions = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>Thread-safe.</summary>
    private EngineHttpClient Http
    {
        get
        {
            lock (_httpGate)
            {
                return _http ??= new EngineHttpClient(() => _httpOptions, _context.Time);
            }
        }
    }

    /// <summary>The composite id Inngest knows a function by: the synced id for an app's function, <c>{AppId}-{id}</c> for the engine's own.</summary>
    public string CompositeIdOf(InngestFunctionDefinition function)
        => _remoteDrivers.TryGetValue(function, out var driver) ? driver.Function.CompositeId : function.CompositeId(_context.AppId);

    /// <summary>The id of the app a function belongs to: the app that synced it, or the engine's own.</summary>
    public string AppIdOf(InngestFunctionDefinition function)
        => _remoteDrivers.TryGetValue(function, out var driver) ? driver.Function.AppId : _context.AppId;

    /// <summary>True while <paramref name="function"/> is registered (an app's re-sync may have replaced it).</summary>
    public bool IsRegistered(InngestFunctionDefinition function)
    {
        foreach (var registered in _functions)
        {
            if (ReferenceEquals(registered, function))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The registered function with this composite id (what the store refers to functions by), or null.</summary>
    public InngestFunctionDefinition? Find(string compositeId)
    {
        foreach (var function in _functions)
        {
            if (CompositeIdOf(function) == compositeId)
            {
                return function;
            }
        }

        return null;
    }

    /// <summary>The function an invoke names, by composite id or (for the engine's own) by id.</summary>
    public InngestFunctionDefinition? FindInvokable(string functionId)
    {
        foreach (var function in _functions)
        {
            if (CompositeIdOf(function) == functionId || function.Id == functionId)
            {
                return function;
            }
        }

        return null;
    }

    /// <summary>Registers again the apps a restarted engine's store holds, as they last synced. Under the lock.</summary>
    public void Load(IReadOnlyList<StoredApp> apps)
    {
        foreach (var stored in apps)
        {
            try
            {
                var sync = new AppSyncRequest(stored.App.AppId, stored.App.Url, stored.App.Sdk, stored.App.Framework, stored.App.AppVersion, stored.Functions, stored.App.SyncKind);
                Apply(sync, Parse(sync), stored.App.SyncedAt, stored.Sequence, restoring: true);
            }
            catch (InngestSyncException exception)
            {
                _context.Logger.LogError(exception, "The stored sync of app '{AppId}' could not be registered again.", stored.App.AppId);
            }
        }
    }

    /// <summary>Registers an app from its register request. Takes the lock.</summary>
    public AppSyncResult Register(AppSyncRequest sync)
    {
        // Parse and validate everything before touching the engine's state.
        var parsed = Parse(sync);
        AppSyncResult result;
        lock (_context.Gate)
        {
            ObjectDisposedException.ThrowIf(_context.Disposed, typeof(InngestEngine));
            result = Apply(sync, parsed, _context.Now, ++_context.AppSyncSequence, restoring: false);
            _context.Commit();
        }

        // Dev servers re-sync apps every few seconds; only a change is worth more than a debug line.
        _context.Logger.Log(result.Modified ? LogLevel.Information : LogLevel.Debug, "App '{AppId}' at {Url} synced {FunctionCount} function(s) ({SyncKind}, modified: {Modified}).",
            sync.AppId, sync.Url, parsed.Count, sync.SyncKind, result.Modified);
        return result;
    }

    /// <summary>Syncs the app served at <paramref name="url"/> as the Inngest dev server does. Thread-safe.</summary>
    public async Task<AppSyncResult> RegisterAppAsync(Uri url, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"The app URL '{url}' must be an absolute http(s) URL such as http://localhost:5000/api/inngest.", nameof(url));
        }

        long before;
        lock (_context.Gate)
        {
            ObjectDisposedException.ThrowIf(_context.Disposed, typeof(InngestEngine));
            before = _context.AppSyncSequence;
        }

        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("url", url.AbsoluteUri);
            writer.WriteEndObject();
        }

        var body = buffer.WrittenSpan.ToArray();
        var http = Http;
        using var message = new HttpRequestMessage(HttpMethod.Put, url);
        message.Headers.TryAddWithoutValidation(SyncKindHeader, InngestHeaders.InBand);
        http.Prepare(message, body);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(http.Options.CallTimeout);
        HttpResponseMessage response;
        byte[] reply;
        try
        {
            response = await http.Client.SendAsync(message, timeout.Token).ConfigureAwait(false);
            reply = await response.Content.ReadAsByteArrayAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is HttpRequestException || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new InngestSyncException(502, $"The app at {url} could not be reached to sync it: {exception.Message}", exception);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                var text = Encoding.UTF8.GetString(reply);
                throw new InngestSyncException(502,
                    $"The app at {url} answered {(int)response.StatusCode} to the sync request: {text[..Math.Min(500, text.Length)]}");
            }

            if (response.Headers.TryGetValues(SyncKindHeader, out var kinds) && kinds.Contains(InngestHeaders.InBand))
            {
                // An in-band reply is the app's configuration; in cloud mode it counts only when signed like a call's answer.
                var signature = response.Headers.TryGetValues(InngestHeaders.Signature, out var values) ? string.Join(",", values) : null;
                if (http.ResponseCheck()?.Problem(signature, reply) is { } problem)
                {
                    throw new InngestSyncException(502, $"The app at {url} answered the in-band sync, but the answer is not signed as a cloud-mode server requires: {problem}. Nothing was registered.");
                }

                return Register(AppSyncRequest.FromInBandReply(reply));
            }
        }

        // Out-of-band: while answering, the app posted its register request to its Inngest API URL. If that is this
        // engine's /fn/register, the app is registered by now.
        lock (_context.Gate)
        {
            var synced = _apps.Values.Where(app => app.Sequence > before).ToArray();
            var match = synced.FirstOrDefault(app => SameEndpoint(app.Record!.Url, url)) ?? (synced.Length == 1 ? synced[0] : null);
            if (match?.LastResult is { } result)
            {
                return result;
            }
        }

        throw new InngestSyncException(502,
            $"The app at {url} answered the sync request but registered with another Inngest server: it syncs out-of-band to the API " +
            "URL it is configured with. Point it at this engine (INNGEST_DEV=<engine URL>, or INNGEST_API_BASE_URL) and map the engine's " +
            "endpoints with MapInngestDevServer, or let it sync in-band.");
    }

    /// <summary>The apps that synced, in the order they first synced. Takes the lock.</summary>
    public IReadOnlyList<RegisteredApp> Apps
    {
        get
        {
            lock (_context.Gate)
            {
                return _apps.Values.OrderBy(app => app.FirstSequence).Select(app => app.Record!).ToArray();
            }
        }
    }

    /// <summary>Every registered function with its app and config JSON, in <see cref="Functions"/> order. Takes the lock.</summary>
    public IReadOnlyList<FunctionDescription> Describe()
    {
        lock (_context.Gate)
        {
            var described = new List<FunctionDescription>(_functions.Count);
            foreach (var function in _functions)
            {
                if (_remoteDrivers.TryGetValue(function, out var driver))
                {
                    var remote = driver.Function;
                    described.Add(new FunctionDescription(remote.AppId, remote.CompositeId, function, remote.Config, InProcess: false));
                    continue;
                }

                // The engine calls its own functions in memory; the URL only completes the config's shape.
                var config = JsonValues.Build(writer => FunctionConfigWriter.Write(writer, function, _context.AppId, new Uri("http://in-process/")));
                described.Add(new FunctionDescription(_context.AppId, function.CompositeId(_context.AppId), function, config.GetRawText(), InProcess: true));
            }

            return described;
        }
    }

    /// <summary>Runs one call: over HTTP for an app's function (at its current URL), in memory otherwise. Takes the lock briefly.</summary>
    public Task<CallResponse> CallFunctionAsync(InngestFunctionDefinition function, string compositeId, CallRequest request, CancellationToken cancellationToken)
    {
        IFunctionDriver driver;
        lock (_context.Gate)
        {
            driver = _remoteDrivers.ContainsKey(function) && _remoteByCompositeId.TryGetValue(compositeId, out var current)
                ? current
                : _remoteDrivers.TryGetValue(function, out var original) ? original : _inMemory ??= new InMemoryFunctionDriver(_runner);
        }

        return driver.CallAsync(function, request, cancellationToken);
    }

    public void Dispose()
    {
        lock (_httpGate)
        {
            _http?.Dispose();
        }
    }

    private static bool SameEndpoint(Uri a, Uri b)
        => Uri.Compare(a, b, UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;

    private static List<RemoteFunction> Parse(AppSyncRequest sync)
    {
        var parsed = new List<RemoteFunction>(sync.Functions.Count);
        foreach (var config in sync.Functions)
        {
            var function = FunctionConfigReader.Read(config, sync.AppId);
            if (parsed.Exists(f => f.CompositeId == function.CompositeId))
            {
                throw new InngestSyncException(400, $"App '{sync.AppId}' defines the function '{function.CompositeId}' twice; function ids must be unique within an app.");
            }

            try
            {
                FunctionValidator.ValidateTriggers(function.Definition);
            }
            catch (ArgumentException exception)
            {
                throw new InngestSyncException(400, $"The function '{function.CompositeId}' is invalid: {exception.Message}", exception);
            }

            try
            {
                FunctionValidator.ValidateFlowControl(function.Definition, function.CompositeId);
            }
            catch (ArgumentException exception)
            {
                throw new InngestSyncException(400, exception.Message, exception);
            }

            parsed.Add(function);
        }

        return parsed;
    }

    private AppSyncResult Apply(AppSyncRequest sync, List<RemoteFunction> parsed, DateTimeOffset now, long sequence, bool restoring)
    {
        foreach (var function in parsed)
        {
            if (_functions.Any(f => !_remoteDrivers.ContainsKey(f) && f.CompositeId(_context.AppId) == function.CompositeId))
            {
                throw new InngestSyncException(400, $"App '{sync.AppId}' cannot register the function '{function.CompositeId}': the engine's own app '{_context.AppId}' has a function with that id.");
            }

            if (_remoteByCompositeId.TryGetValue(function.CompositeId, out var other) && !IsFunctionOf(sync.AppId, other))
            {
                throw new InngestSyncException(400, $"App '{sync.AppId}' cannot register the function '{function.CompositeId}': another app already registered a function with that id.");
            }
        }

        if (!_apps.TryGetValue(sync.AppId, out var app))
        {
            app = new RemoteApp(sync.AppId) { FirstSequence = sequence };
            _apps.Add(sync.AppId, app);
        }

        var modified = app.Record is null || app.Record.Url != sync.Url || app.Functions.Count != parsed.Count;
        var functions = new Dictionary<string, HttpFunctionDriver>(StringComparer.Ordinal);
        var added = new List<RemoteFunction>();
        foreach (var function in parsed)
        {
            if (app.Functions.TryGetValue(function.CompositeId, out var existing) && existing.Function.Config == function.Config)
            {
                // Unchanged: keep the definition, so runs, cron timers and idempotency carry on.
                functions.Add(function.CompositeId, existing);
                continue;
            }

            modified = true;
            var driver = new HttpFunctionDriver(function, Http);
            functions.Add(function.CompositeId, driver);
            _remoteDrivers.Add(function.Definition, driver);
            added.Add(function);
        }

        foreach (var compositeId in app.Functions.Keys)
        {
            if (!functions.ContainsKey(compositeId))
            {
                _remoteByCompositeId.Remove(compositeId);
            }
        }

        foreach (var (compositeId, driver) in functions)
        {
            _remoteByCompositeId[compositeId] = driver;
        }

        app.Functions = functions;
        app.Sequence = sequence;
        app.Record = new RegisteredApp
        {
            AppId = sync.AppId,
            Url = sync.Url,
            Sdk = sync.Sdk,
            Framework = sync.Framework,
            AppVersion = sync.AppVersion,
            FunctionIds = functions.Keys.ToArray(),
            SyncKind = sync.SyncKind,
            SyncedAt = now,
        };

        // The engine's own functions first, then every app's, in sync order.
        _functions = _functions.Where(f => !_remoteDrivers.ContainsKey(f))
            .Concat(_apps.Values.OrderBy(a => a.FirstSequence).SelectMany(a => a.Functions.Values.Select(d => d.Function.Definition)))
            .ToArray();

        // A restored app's cron timers come back from the store with its other timers.
        if (!restoring)
        {
            foreach (var function in added)
            {
                _parts.Crons.Schedule(function.Definition, function.CompositeId, now);
            }

            _context.Changes.AppSet(new StoredApp(app.Record, sync.Functions, sequence));
        }

        var result = new AppSyncResult(app.Record, modified, _context.Ids.Next());
        app.LastResult = result;
        _context.Signal();
        return result;
    }

    private bool IsFunctionOf(string appId, HttpFunctionDriver driver)
        => _apps.TryGetValue(appId, out var app) && app.Functions.ContainsValue(driver);
}
