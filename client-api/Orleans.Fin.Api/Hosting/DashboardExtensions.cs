using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using Orleans.Dashboard;

namespace Orleans.Fin.Api.Hosting;

public static class DashboardExtensions
{
    public const string RoutePrefix = "/dashboard";

    /// <summary>The Orleans Dashboard at /dashboard: open in Development, staff only elsewhere.</summary>
    public static WebApplication MapFinDashboard(this WebApplication app)
    {
        var dashboard = app.MapOrleansDashboard(routePrefix: RoutePrefix);
        if (!app.Environment.IsDevelopment())
        {
            dashboard.RequireAuthorization(AuthSetup.StaffPolicy);
        }
        else
        {
            dashboard.AllowAnonymous();
        }

        return app;
    }
}
