using System.Text;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using Orleans.Fin.Api.Infrastructure;

namespace Orleans.Fin.Api.Hosting;

internal static class AuthSetup
{
    public const string StaffPolicy = "staff";
    public const string CustomerPolicy = "customer";
    public const string FreezePolicy = "freeze";
    public const string ClockPolicy = "clock";
    public const string RiskDecisionPolicy = "risk-decision";
    public const string LoanReviewPolicy = "loan-review";
    public const string LedgerIntegrityPolicy = "ledger-integrity";
    public const string AnonymousLimiter = "anonymous";
    public const string DashboardCookie = "fin_token";

    public static IServiceCollection AddFinAuth(this IServiceCollection services)
    {
        services.AddOptions<JwtOptions>().BindConfiguration(JwtOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SecurityOptions>().BindConfiguration(SecurityOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<JwtOptions>>((bearer, jwt) =>
            {
                bearer.MapInboundClaims = false;
                bearer.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = jwt.Value.Issuer,
                    ValidAudience = jwt.Value.Audience,
                    IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(jwt.Value.SigningKey)),
                    ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                    NameClaimType = "sub",
                    RoleClaimType = "role",
                    ClockSkew = TimeSpan.FromSeconds(30),
                };
                bearer.Events = new JwtBearerEvents
                {
                    // Browsers cannot send a bearer header to the dashboard; staff may hand the token in a cookie there.
                    OnMessageReceived = context =>
                    {
                        if (context.Request.Path.StartsWithSegments("/dashboard")
                            && context.Request.Cookies.TryGetValue(DashboardCookie, out var token))
                        {
                            context.Token = token;
                        }

                        return Task.CompletedTask;
                    },
                };
            });

        services.AddAuthorizationBuilder()
            .AddPolicy(StaffPolicy, p => p.RequireRole(Caller.StaffRoles))
            .AddPolicy(CustomerPolicy, p => p.RequireRole(Caller.CustomerRole))
            .AddPolicy(FreezePolicy, p => p.RequireRole(Caller.OperatorRole, Caller.RiskOfficerRole, Caller.AdminRole))
            .AddPolicy(ClockPolicy, p => p.RequireRole(Caller.OperatorRole, Caller.AdminRole))
            .AddPolicy(RiskDecisionPolicy, p => p.RequireRole(Caller.RiskOfficerRole, Caller.AdminRole))
            .AddPolicy(LoanReviewPolicy, p => p.RequireRole(Caller.OperatorRole, Caller.AdminRole))
            .AddPolicy(LedgerIntegrityPolicy, p => p.RequireRole(Caller.OperatorRole, Caller.AdminRole));

        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(AnonymousLimiter, context =>
            {
                var permits = context.RequestServices.GetRequiredService<IOptions<SecurityOptions>>().Value.AnonymousPermitsPerMinute;
                return RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
            });
            options.OnRejected = (context, _) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                return ValueTask.CompletedTask;
            };
        });
        return services;
    }
}
