using System.ComponentModel.DataAnnotations;
using System.Net;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Dashboard;
using Orleans.Fin.Accounts;
using Orleans.Fin.Clock;
using Orleans.Fin.Common;
using Orleans.Fin.Credit;
using Orleans.Fin.Models;
using Orleans.Fin.Loans;
using Orleans.Fin.Wealth;
using Orleans.Fin.Notifications;
using Orleans.Fin.Payments;
using Orleans.Fin.Risk;
using Orleans.Fin.Risk.Domain;
using Orleans.Fin.Silo.Storage;
using Orleans.Serialization;
using Orleans.Storage;
using Orleans.Streams;

namespace Orleans.Fin.Silo.Hosting;

public static class SiloHostingExtensions
{
    public const string PostgresInvariant = "Npgsql";

    /// <summary>Hosts an Orleans silo in this process, on the profile the configuration names.</summary>
    public static WebApplicationBuilder AddFinSilo(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(FinClusterOptions.Section).Get<FinClusterOptions>() ?? new FinClusterOptions();
        options.ConnectionString ??= builder.Configuration.GetConnectionString("Orleans");
        Validator.ValidateObject(options, new ValidationContext(options), validateAllProperties: true);

        builder.Services.AddFinGrainServices();
        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = options.ClusterId;
                o.ServiceId = options.ServiceId;
            });
            silo.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = options.MinimumReminderPeriod);
            if (options.DirectoryCacheSizeToUse is { } cacheSize)
            {
                silo.Configure<GrainDirectoryOptions>(o => o.CacheSize = cacheSize);
            }

            var serializer = StorageSerializer(options.StateRows);
            if (options.Profile == ClusterProfile.Postgres)
            {
                UsePostgres(silo, options, serializer);
            }
            else
            {
                silo.UseLocalhostClustering(options.SiloPort, options.GatewayPort);
                silo.AddFinEmbeddedResources();
            }

            silo.AddFinStreams();
            silo.AddDashboard();
        });
        return builder;
    }

    /// <summary>Options and services the grains depend on.</summary>
    public static IServiceCollection AddFinGrainServices(this IServiceCollection services)
    {
        services.AddOptions<AccountLimitsOptions>().BindConfiguration(AccountLimitsOptions.Section);
        services.AddOptions<FxOptions>().BindConfiguration(FxOptions.Section);
        services.AddOptions<PendingMovementOptions>().BindConfiguration(PendingMovementOptions.Section)
            .Validate(o => o.RetryPeriod > TimeSpan.Zero, "PendingMovements:RetryPeriod must be positive.").ValidateOnStart();
        services.AddOptions<BusinessClockOptions>().BindConfiguration(BusinessClockOptions.Section);
        services.AddSingleton<BusinessClock>();
        services.AddSingleton<TimeProvider>(sp => sp.GetRequiredService<BusinessClock>());
        services.AddHostedService<BusinessClockSync>();
        services.AddSingleton<AccountDirectory>();
        services.AddSingleton<PendingIndexRemovals>();
        services.AddFinRiskServices();
        services.AddFinCreditServices();
        services.AddFinWealthServices();
        return services;
    }

    /// <summary>Wealth management: the simulated market every silo prices from, and how portfolios rebalance.</summary>
    public static IServiceCollection AddFinWealthServices(this IServiceCollection services)
    {
        services.AddOptions<WealthOptions>().BindConfiguration(WealthOptions.Section)
            .Validate(o => o.Validate().Count == 0, "The Wealth settings are invalid.").ValidateOnStart();
        services.AddSingleton<MarketFeed>();
        return services;
    }

    /// <summary>The risk engine: thresholds and rules, how verdicts are acted on, the scorer, the notifier.</summary>
    public static IServiceCollection AddFinRiskServices(this IServiceCollection services)
    {
        services.AddOptions<RiskOptions>().BindConfiguration(RiskOptions.Section)
            .Validate(o => o.Validate().Count == 0, "The Risk settings are invalid.").ValidateOnStart();
        services.AddOptions<RiskControlOptions>().BindConfiguration(RiskControlOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<NotificationOptions>().BindConfiguration(NotificationOptions.Section);
        services.AddSingleton<INotifier, OutboxNotifier>();

        // ---- THE risk scorer registration: the one place that decides how payments and activity are scored. ----
        // Rules plus the fraud champion the model registry names (challenger and rules-only in shadow). NeutralRiskScorer
        // here instead switches scoring off (everything Low), e.g. to measure what scoring costs.
        services.AddFinModelServices();
        services.AddSingleton<IRiskScorer>(sp => sp.GetRequiredService<IOptions<RiskControlOptions>>().Value.ScoringEnabled
            ? new ServingRiskScorer(sp.GetRequiredService<ModelServing>(), sp.GetRequiredService<ShadowRecorder>(), sp.GetRequiredService<IOptions<RiskOptions>>().Value)
            : new NeutralRiskScorer());
        return services;
    }

    /// <summary>
    /// The model lifecycle (section "Models"): the versions this silo serves, loaded from the registry's grain storage
    /// and followed without a restart, shadow tallies, labelled outcomes. Safe to call more than once.
    /// </summary>
    public static IServiceCollection AddFinModelServices(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(ModelServing)))
        {
            return services;
        }

        services.AddOptions<ModelLifecycleOptions>().BindConfiguration(ModelLifecycleOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ModelServing>();
        services.AddSingleton<ModelLibrary>();
        services.AddSingleton<ShadowRecorder>();
        services.AddSingleton<LabelledOutcomes>();
        services.AddSingleton<ModelServingSync>();
        services.AddHostedService(sp => sp.GetRequiredService<ModelServingSync>());
        return services;
    }

    /// <summary>Credit decisions: the settings (section "Credit") and the shipped champion/challenger models.</summary>
    public static IServiceCollection AddFinCreditServices(this IServiceCollection services)
    {
        services.AddOptions<CreditOptions>().BindConfiguration(CreditOptions.Section)
            .Validate(o => o.Validate().Count == 0, "The Credit settings are invalid.").ValidateOnStart();
        services.AddFinModelServices();
        services.AddSingleton<ServingCreditScorer>(); // the registry's champion; challenger in shadow (docs/MODELS.md)
        services.AddOptions<LoanPortfolioOptions>().BindConfiguration(LoanPortfolioOptions.Section)
            .Validate(o => o.Validate().Count == 0, "The Loans settings are invalid.").ValidateOnStart();
        return services;
    }

    /// <summary>
    /// The activity stream. Its queues are polled every 10 ms (the default is 100 ms) because the risk engine's time from
    /// a suspicious event to the freeze is bounded by how soon the event is delivered. Its only subscribers are implicit
    /// (the customer's risk grain), so pub-sub is implicit-only: no rendezvous grain per customer stream, which would
    /// otherwise stay active beside every active customer and write a PubSubStore row per new stream.
    /// </summary>
    /// <remarks>
    /// Delivered events are not kept for long (<see cref="ActivityStreamRetention"/>): nothing rewinds this stream, and
    /// with the defaults every event stayed in the pulling agent's cache for 30 minutes and every customer stream kept its
    /// consumer record for 30 minutes after its last event, memory that grew with traffic, not with customers.
    /// Grains publish through <see cref="ActivityPublisher"/>, which hands events to the provider's queue without a stream
    /// object on the publishing activation.
    /// </remarks>
    public static ISiloBuilder AddFinStreams(this ISiloBuilder silo)
    {
        silo.AddMemoryStreams(FinNames.StreamProvider, streams =>
        {
            streams.ConfigurePullingAgent(agent => agent.Configure(o =>
            {
                o.GetQueueMsgsTimerPeriod = TimeSpan.FromMilliseconds(10);
                o.StreamInactivityPeriod = ActivityStreamRetention.ConsumerIdleLimit;
            }));
            streams.ConfigureCacheEviction(eviction => eviction.Configure(o =>
            {
                o.DataMinTimeInCache = ActivityStreamRetention.MinimumTimeInCache;
                o.DataMaxAgeInCache = ActivityStreamRetention.MaximumAgeInCache;
            }));
            streams.ConfigureStreamPubSub(StreamPubSubType.ImplicitOnly);
        });
        silo.Services.AddSingleton<ActivityPublisher>();
        return silo;
    }

    /// <summary>
    /// The embedded node's storage and reminders, for a silo that is the whole cluster: grain state kept in the process
    /// (<see cref="InProcessGrainStorage"/>: no grain call per read or write) through the same serializer as PostgreSQL;
    /// pub-sub state and reminders in Orleans' memory providers. All of it is lost when the process ends. Several silos
    /// sharing one memory cluster use <see cref="AddFinSharedMemoryResources"/> instead.
    /// </summary>
    public static ISiloBuilder AddFinEmbeddedResources(this ISiloBuilder silo)
    {
        silo.AddInProcessGrainStorage(FinNames.Storage, StorageSerializer(), deleteOnClear: true); // a risk state's replaced cold parts
        return AddMemoryPubSubAndReminders(silo);
    }

    /// <summary>
    /// The embedded profile's resources for a cluster of several silos in one process (the test clusters): grain state in
    /// Orleans' memory provider, whose storage grains every silo reaches (a grain call per read and write), through the
    /// same serializer as PostgreSQL; pub-sub state and reminders as on the embedded node.
    /// </summary>
    public static ISiloBuilder AddFinSharedMemoryResources(this ISiloBuilder silo)
    {
        silo.AddMemoryGrainStorage(FinNames.Storage, o => o.GrainStorageSerializer = StorageSerializer());
        return AddMemoryPubSubAndReminders(silo);
    }

    private static ISiloBuilder AddMemoryPubSubAndReminders(ISiloBuilder silo)
    {
        silo.AddMemoryGrainStorage(FinNames.PubSubStore);
        silo.UseInMemoryReminderService();
        return silo;
    }

    private static void UsePostgres(ISiloBuilder silo, FinClusterOptions options, IGrainStorageSerializer serializer)
    {
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            throw new OptionsValidationException(FinClusterOptions.Section, typeof(FinClusterOptions),
                ["The Postgres profile needs Cluster:ConnectionString (or ConnectionStrings:Orleans)."]);
        }

        var connection = options.ConnectionString;
        silo.ConfigureEndpoints(IPAddress.Parse(options.AdvertisedIp), options.SiloPort, options.GatewayPort, listenOnAnyHostAddress: false);
        silo.UseAdoNetClustering(o =>
        {
            o.Invariant = PostgresInvariant;
            o.ConnectionString = connection;
        });
        if (options.Storage == GrainStorageKind.GroupCommit)
        {
            options.GroupCommit.ConnectionString = connection;
            options.GroupCommit.DeleteStateOnClear = true; // a risk state's replaced cold parts, the only states cleared: each has a row of its own
            Validator.ValidateObject(options.GroupCommit, new ValidationContext(options.GroupCommit), validateAllProperties: true);
            silo.AddGroupCommitGrainStorage(FinNames.Storage, options.GroupCommit, serializer);
        }
        else
        {
            silo.AddAdoNetGrainStorage(FinNames.Storage, o =>
            {
                o.Invariant = PostgresInvariant;
                o.ConnectionString = connection;
                o.GrainStorageSerializer = serializer;
                o.DeleteStateOnClear = true; // a risk state's replaced cold parts, the only states cleared: each has a row of its own
            });
        }

        silo.AddAdoNetGrainStorage(FinNames.PubSubStore, o =>
        {
            o.Invariant = PostgresInvariant;
            o.ConnectionString = connection;
        });
        silo.UseAdoNetReminderService(o =>
        {
            o.Invariant = PostgresInvariant;
            o.ConnectionString = connection;
        });
    }

    /// <summary>
    /// Grain state is stored as plain System.Text.Json: no CLR type names in the payload (state types can move) and
    /// decimals written as exact JSON numbers; the long record lists (risk records, account entries) as rows unless
    /// <paramref name="rows"/> is false (a rolling upgrade from a version that reads only objects); equal strings of a
    /// state read back share one instance.
    /// </summary>
    public static IGrainStorageSerializer StorageSerializer(bool rows = true) => new StateJsonSerializer(rows);
}
