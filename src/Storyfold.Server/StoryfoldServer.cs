using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Storyfold.Ingest;
using Storyfold.Search;
using Storyfold.Server.Api;
using Storyfold.Server.Feeds;
using Storyfold.Server.Views;
using Storyfold.Server.Web;
using Storyfold.Storage;

namespace Storyfold.Server;

/// <summary>Builds the Storyfold web application: the API, the web UI, and the policies around them.</summary>
public static class StoryfoldServer
{
    /// <summary>
    /// Builds the app over the store at <see cref="ServerOptions.DbPath"/>. <paramref name="configure"/> lets tests swap
    /// the server (test host) or logging before the app is built.
    /// </summary>
    public static WebApplication Build(ServerOptions options, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = typeof(StoryfoldServer).Assembly.GetName().Name });
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = options.MaxBodyBytes;
            if (string.Equals(options.Host, "localhost", StringComparison.OrdinalIgnoreCase))
            {
                kestrel.ListenLocalhost(options.Port);
            }
            else
            {
                kestrel.Listen(IPAddress.Parse(options.Host), options.Port);
            }
        });

        var services = builder.Services;
        var store = SqliteArticleStore.Open(options.DbPath);
        services.AddSingleton(options);
        services.AddSingleton(store);
        services.AddSingleton<IArticleStore>(store);
        services.AddSingleton(_ => new StoreVersion(store));
        services.AddSingleton<MemorySearchIndex>();
        services.AddSingleton<IArticleSearch>(provider => new SqliteArticleSearch(store, index: provider.GetRequiredService<MemorySearchIndex>()));
        services.AddSingleton<BriefProvider>();
        services.AddSingleton<StoryViews>();
        services.AddSingleton<ConditionalReads>();
        services.AddSingleton<PageRenderer>();
        services.AddSingleton(provider => IngestPipeline.Create(store, provider.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton<ArticleIntake>();
        services.AddHostedService<StartupWarmup>();
        // STORYFOLD_SEARCH_INDEX=fts5 keeps every search on the store's FTS5 index (to compare the two in benchmarks).
        if (!string.Equals(Environment.GetEnvironmentVariable("STORYFOLD_SEARCH_INDEX"), "fts5", StringComparison.OrdinalIgnoreCase))
        {
            services.AddHostedService<SearchIndexWarmup>();
        }
        services.AddSingleton(TimeProvider.System);
        services.AddProblemDetails(problems => problems.CustomizeProblemDetails = context =>
            context.ProblemDetails.Instance ??= context.HttpContext.Request.Path);
        services.AddOpenApi();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.GlobalLimiter = PartitionedRateLimiter.CreateChained(ClientLimiter(options.RateLimitPerSecond, null), ClientLimiter(options.WriteRateLimitPerSecond, HttpMethods.Post));
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "1";
                await Results.Problem(
                    detail: "too many requests from this client; wait a moment and try again",
                    statusCode: StatusCodes.Status429TooManyRequests,
                    title: "Too many requests").ExecuteAsync(context.HttpContext);
            };
        });
        configure?.Invoke(builder);

        var app = builder.Build();
        app.Lifetime.ApplicationStopped.Register(() =>
        {
            app.Services.GetRequiredService<StoreVersion>().Dispose();
            store.DisposeAsync().AsTask().GetAwaiter().GetResult();
        });
        app.UseMiddleware<RequestLog>();
        app.Use((http, next) =>
        {
            // The UI loads nothing from elsewhere and runs no inline script, so the browser can be told to refuse both.
            var headers = http.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "same-origin";
            headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
            return next(http);
        });
        // Every failure becomes a problem document; details of exceptions stay in the log, never in the response.
        app.UseExceptionHandler(new ExceptionHandlerOptions { StatusCodeSelector = StatusFor });
        app.UseStatusCodePages();
        app.UseRateLimiter();
        app.MapOpenApi("/openapi/{documentName}.json");
        ApiEndpoints.Map(app);
        WebEndpoints.Map(app);
        app.MapStoryFeeds();
        app.MapFallback((HttpContext http) => http.Request.Path.StartsWithSegments("/api")
            ? Problems.NotFound($"no API endpoint at {http.Request.Path}")
            : WebEndpoints.NotFound(http))
            // Only reads fall back, so a wrong method on a known path still gets its 405 (as a problem document).
            .WithMetadata(new HttpMethodMetadata([HttpMethods.Get, HttpMethods.Head]))
            .ExcludeFromDescription();
        return app;
    }

    private static int StatusFor(Exception exception) => exception switch
    {
        BadHttpRequestException bad => bad.StatusCode,
        OperationCanceledException => 499,
        _ => StatusCodes.Status500InternalServerError,
    };

    /// <summary>A token bucket per client address (for one method, or for all when <paramref name="method"/> is null).</summary>
    private static PartitionedRateLimiter<HttpContext> ClientLimiter(int perSecond, string? method) =>
        PartitionedRateLimiter.Create<HttpContext, string>(http =>
        {
            if (perSecond <= 0 || (method is not null && !HttpMethods.Equals(http.Request.Method, method)))
            {
                return RateLimitPartition.GetNoLimiter("unlimited");
            }

            var client = http.Connection.RemoteIpAddress?.ToString() ?? "local";
            return RateLimitPartition.GetTokenBucketLimiter(client, _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = perSecond * 2,
                TokensPerPeriod = perSecond,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                QueueLimit = 0,
                AutoReplenishment = true,
            });
        });

    /// <summary>The addresses the server listens on, once started (with the real port when 0 was asked for).</summary>
    public static IReadOnlyList<string> Addresses(WebApplication app) =>
        app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.ToList() ?? [];
}
