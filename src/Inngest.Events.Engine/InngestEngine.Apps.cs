using System.Buffers;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Inngest.Events.Engine.Http;
using Inngest.Events.Engine.Internal;
using Inngest.Events.Protocol;
using Microsoft.Extensions.Logging;

namespace Inngest.Events.Engine;

// The engine as an Inngest server for any SDK: apps sync their functions with it (in-band when the engine asks, or by
// posting a register request), and their runs are driven over HTTP by the same run loop as the engine's own functions.
public sealed partial class InngestEngine
{
    private const string SyncKindHeader = InngestHeaders.SyncKind;

    // Guarded by _gate.
    private readonly Dictionary<string, RemoteApp> _apps = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HttpFunctionDriver> _remoteByCompositeId = new(StringComparer.Ordinal);
    private readonly Dictionary<InngestFunctionDefinition, HttpFunctionDriver> _remoteDrivers = new(ReferenceEqualityComparer.Instance);
    private long _syncSequence;

    private volatile InngestEngineHttpOptions _httpOptions = new();
    private EngineHttpClient? _http;
    private InMemoryFunctionDriver? _inMemory;

    /// <summary>
    /// How the engine calls apps that serve functions over HTTP: the signing key of its requests, the server kind it
    /// announces, the call timeout. Set it before syncing apps.
    /// </summary>
    public InngestEngineHttpOptions HttpOptions
    {
        get => _httpOptions;
        set => _httpOptions = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>The apps that synced with the engine, in the order they first synced.</summary>
    public IReadOnlyList<RegisteredApp> Apps
    {
        get
        {
            lock (_gate)
            {
                return _apps.Values.Select(app => app.Record!).ToArray();
            }
        }
    }

    private EngineHttpClient Http
    {
        get
        {
            lock (_gate)
            {
                return _http ??= new EngineHttpClient(() => _httpOptions, _time);
            }
        }
    }

    /// <summary>
    /// Registers the functions of an app from its register request (the body an SDK posts to <c>/fn/register</c>,
    /// docs/protocol.md#sync-put): they are triggered like the engine's own functions and called at their URLs.
    /// A later sync of the same app replaces its functions; runs in flight finish with the definitions they started with.
    /// </summary>
    /// <param name="registerRequest">The JSON register request.</param>
    /// <returns>The app as registered, and whether its configuration changed.</returns>
    /// <exception cref="InngestSyncException">The request is invalid or its functions clash with registered ones (400).</exception>
    public AppSyncResult RegisterApp(ReadOnlySpan<byte> registerRequest)
        => Register(AppSyncRequest.FromRegisterBody(registerRequest));

    /// <summary>
    /// Syncs the app served at <paramref name="url"/> (e.g. <c>http://localhost:5000/api/inngest</c>), as the Inngest dev
    /// server does: a <c>PUT</c> asking for an in-band sync (signed when the engine has a signing key). An app that
    /// answers in-band is registered from its answer; one that syncs out-of-band must post its register request to this
    /// engine's <c>/fn/register</c> (<c>MapInngestDevServer</c>) while answering.
    /// </summary>
    /// <param name="url">The app's serve URL.</param>
    /// <param name="cancellationToken">Cancels the sync.</param>
    /// <returns>The app as registered, and whether its configuration changed.</returns>
    /// <exception cref="InngestSyncException">The app is unreachable, refused the sync, or registered somewhere else.</exception>
    public async Task<AppSyncResult> RegisterAppAsync(Uri url, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"The app URL '{url}' must be an absolute http(s) URL such as http://localhost:5000/api/inngest.", nameof(url));
        }

        long before;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            before = _syncSequence;
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
        using var message = new HttpRequestMessage(HttpMethod.Put, url) { Content = new ByteArrayContent(body) };
        message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
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
                return Register(AppSyncRequest.FromInBandReply(reply));
            }
        }

        // Out-of-band: while answering, the app posted its register request to its Inngest API URL. If that is this
        // engine's /fn/register, the app is registered by now.
        lock (_gate)
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

    private static bool SameEndpoint(Uri a, Uri b)
        => Uri.Compare(a, b, UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;

    private AppSyncResult Register(AppSyncRequest sync)
    {
        // Parse and validate everything before touching the engine's state.
        var parsed = new List<RemoteFunction>(sync.Functions.Count);
        foreach (var config in sync.Functions)
        {
            var function = FunctionConfigReader.Read(config, sync.AppId);
            if (parsed.Exists(f => f.CompositeId == function.CompositeId))
            {
                throw new InngestSyncException(400, $"App '{sync.AppId}' defines the function '{function.CompositeId}' twice; function ids must be unique within an app.");
            }

            foreach (var trigger in function.Definition.Triggers)
            {
                if (trigger.Cron is { Length: > 0 })
                {
                    try
                    {
                        CronSchedule.Parse(function.Definition, trigger);
                    }
                    catch (ArgumentException exception)
                    {
                        throw new InngestSyncException(400, $"The function '{function.CompositeId}' is invalid: {exception.Message}", exception);
                    }
                }
            }

            parsed.Add(function);
        }

        AppSyncResult result;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            foreach (var function in parsed)
            {
                if (_functions.Any(f => !_remoteDrivers.ContainsKey(f) && f.CompositeId(AppId) == function.CompositeId))
                {
                    throw new InngestSyncException(400, $"App '{sync.AppId}' cannot register the function '{function.CompositeId}': the engine's own app '{AppId}' has a function with that id.");
                }

                if (_remoteByCompositeId.TryGetValue(function.CompositeId, out var other) && !IsFunctionOf(sync.AppId, other))
                {
                    throw new InngestSyncException(400, $"App '{sync.AppId}' cannot register the function '{function.CompositeId}': another app already registered a function with that id.");
                }
            }

            var now = _time.GetUtcNow();
            if (!_apps.TryGetValue(sync.AppId, out var app))
            {
                app = new RemoteApp(sync.AppId);
                _apps.Add(sync.AppId, app);
            }

            var modified = app.Record is null || app.Record.Url != sync.Url || app.Functions.Count != parsed.Count;
            var functions = new Dictionary<string, HttpFunctionDriver>(StringComparer.Ordinal);
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
                foreach (var trigger in function.Definition.Triggers)
                {
                    if (trigger.Cron is { Length: > 0 })
                    {
                        ScheduleCron(CronSchedule.Parse(function.Definition, trigger), now);
                    }
                }
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
            app.Sequence = ++_syncSequence;
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
                .Concat(_apps.Values.SelectMany(a => a.Functions.Values.Select(d => d.Function.Definition)))
                .ToArray();
            result = new AppSyncResult(app.Record, modified, _ids.Next());
            app.LastResult = result;
            Signal();
        }

        // Dev servers re-sync apps every few seconds; only a change is worth more than a debug line.
        _logger.Log(result.Modified ? LogLevel.Information : LogLevel.Debug, "App '{AppId}' at {Url} synced {FunctionCount} function(s) ({SyncKind}, modified: {Modified}).",
            sync.AppId, sync.Url, parsed.Count, sync.SyncKind, result.Modified);
        return result;
    }

    private bool IsFunctionOf(string appId, HttpFunctionDriver driver)
        => _apps.TryGetValue(appId, out var app) && app.Functions.ContainsValue(driver);

    /// <summary>The composite id Inngest knows a function by: the synced id for an app's function, <c>{AppId}-{id}</c> for the engine's own. Under the lock.</summary>
    private string CompositeIdOf(InngestFunctionDefinition function)
        => _remoteDrivers.TryGetValue(function, out var driver) ? driver.Function.CompositeId : function.CompositeId(AppId);

    /// <summary>The id of the app a function belongs to: the app that synced it, or the engine's own <see cref="AppId"/>. Under the lock.</summary>
    private string AppIdOf(InngestFunctionDefinition function)
        => _remoteDrivers.TryGetValue(function, out var driver) ? driver.Function.AppId : AppId;

    /// <summary>True while <paramref name="function"/> is registered (an app's re-sync may have replaced it). Under the lock.</summary>
    private bool IsRegistered(InngestFunctionDefinition function)
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

    /// <summary>Runs one call of <paramref name="run"/>: over HTTP for an app's function (at its current URL), in memory otherwise.</summary>
    private Task<CallResponse> CallFunctionAsync(RunState run, CallRequest request, CancellationToken cancellationToken)
    {
        IFunctionDriver driver;
        lock (_gate)
        {
            driver = _remoteDrivers.ContainsKey(run.Function) && _remoteByCompositeId.TryGetValue(run.CompositeId, out var current)
                ? current
                : _remoteDrivers.TryGetValue(run.Function, out var original) ? original : _inMemory ??= new InMemoryFunctionDriver(_runner);
        }

        return driver.CallAsync(run.Function, request, cancellationToken);
    }

    private void DisposeHttp()
    {
        lock (_gate)
        {
            _http?.Dispose();
        }
    }
}
