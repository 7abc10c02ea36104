using Inngest.Events.Engine.Apps;
using Inngest.Events.Engine.Execution;
using Inngest.Events.Engine.FlowControl;
using Inngest.Events.Engine.Ingestion;
using Inngest.Events.Engine.Scheduling;
using Inngest.Events.Runner;

namespace Inngest.Events.Engine.Internal;

/// <summary>
/// The parts of one engine, each owning its own state: apps and functions, event ingestion and admission, the run
/// interpreter, timers and crons, one type per flow-control policy. Parts reach each other through this object only
/// when they work (never while being built), so their references may go both ways.
/// </summary>
internal sealed class EngineParts
{
    public EngineParts(EngineContext context, IReadOnlyList<InngestFunctionDefinition> functions, FunctionRunner runner)
    {
        Context = context;
        Timers = new TimerQueue(context);
        Apps = new AppRegistry(this, functions, runner);
        Runs = new ActiveRuns();
        Waits = new WaitIndex();
        Ingestor = new EventIngestor(this);
        Admission = new RunAdmission(this);
        Interpreter = new RunInterpreter(this);
        Finalizer = new RunFinalizer(this);
        Crons = new CronScheduler(this);
        Dispatcher = new Dispatcher(this);
        Idempotency = new IdempotencyPolicy(this);
        RateLimit = new RateLimitPolicy(this);
        Debounce = new DebouncePolicy(this);
        Batch = new BatchPolicy(this);
        Singleton = new SingletonPolicy(this);
        Throttle = new ThrottlePolicy(this);
        Concurrency = new ConcurrencyPolicy(this);
        Timeouts = new TimeoutPolicy(this);
    }

    public EngineContext Context { get; }

    public TimerQueue Timers { get; }

    public AppRegistry Apps { get; }

    public ActiveRuns Runs { get; }

    public WaitIndex Waits { get; }

    public EventIngestor Ingestor { get; }

    public RunAdmission Admission { get; }

    public RunInterpreter Interpreter { get; }

    public RunFinalizer Finalizer { get; }

    public CronScheduler Crons { get; }

    public Dispatcher Dispatcher { get; }

    public IdempotencyPolicy Idempotency { get; }

    public RateLimitPolicy RateLimit { get; }

    public DebouncePolicy Debounce { get; }

    public BatchPolicy Batch { get; }

    public SingletonPolicy Singleton { get; }

    public ThrottlePolicy Throttle { get; }

    public ConcurrencyPolicy Concurrency { get; }

    public TimeoutPolicy Timeouts { get; }
}
