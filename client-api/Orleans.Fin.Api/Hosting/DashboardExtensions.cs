using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;
using Orleans.Dashboard;

namespace Orleans.Fin.Api.Hosting;

public static class DashboardExtensions
{
    public const string RoutePrefix = "/dashboard";

    /// <summary>The Orleans Dashboard at /dashboard: open in Development, staff only elsewhere.</summary>
    public static WebApplication MapFinDashboard(this WebApplication app)
    {
        // The dashboard is an operator tool beside the API, not part of it: it stays out of the API's description.
        var dashboard = app.MapOrleansDashboard(routePrefix: RoutePrefix);
        dashboard.WithMetadata(new ExcludeFromDescriptionAttribute());
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
