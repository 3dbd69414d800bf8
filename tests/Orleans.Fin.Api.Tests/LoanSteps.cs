using System.Net;
using System.Text.Json;
using Orleans.Fin.TestSupport;

namespace Orleans.Fin.Api.Tests;

/// <summary>Loan applications for the API tests: a steady applicant the model approves and a risky one it rejects.</summary>
internal static class LoanSteps
{
    /// <summary>Ten years in a fixed job, owner, married, no past records (amounts in the training data's units).</summary>
    public static Dictionary<string, object?> Steady(Holder holder, decimal amount, int termMonths = 12) => new()
    {
        ["customerId"] = holder.CustomerId,
        ["accountId"] = holder.AccountId,
        ["amount"] = amount,
        ["termMonths"] = termMonths,
        ["purpose"] = "furniture",
        ["seniority"] = 10,
        ["home"] = "owner",
        ["maritalStatus"] = "married",
        ["job"] = "fixed",
        ["expenses"] = 60m,
        ["income"] = 180m,
        ["assets"] = 5000m,
        ["debt"] = 0m,
        ["price"] = amount + 500m,
        ["records"] = false,
    };

    /// <summary>No seniority, part-time, renting, past default records, heavy debt, the whole price financed.</summary>
    public static Dictionary<string, object?> Risky(Holder holder, decimal amount)
    {
        var application = Steady(holder, amount, 60);
        application["seniority"] = 0;
        application["home"] = "rent";
        application["maritalStatus"] = "single";
        application["job"] = "partime";
        application["expenses"] = 100m;
        application["income"] = 60m;
        application["assets"] = 0m;
        application["debt"] = 4000m;
        application["price"] = amount;
        application["records"] = true;
        return application;
    }

    public static Task<HttpResponseMessage> ApplyResponseAsync(this FinApiClient api, string token, object application) =>
        api.SendAsync(HttpMethod.Post, "/loans/applications", token, application);

    public static async Task<JsonElement> ApplyAsync(this FinApiClient api, Holder holder, object application)
    {
        var response = await api.ApplyResponseAsync(holder.Token, application);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.ReadJsonAsync();
    }

    /// <summary>An approved loan of <paramref name="amount"/> (a steady applicant below the threshold).</summary>
    public static async Task<string> ApprovedLoanAsync(this FinApiClient api, Holder holder, decimal amount, int termMonths = 12)
    {
        var decision = await api.ApplyAsync(holder, Steady(holder, amount, termMonths));
        Assert.Equal("Approved", decision.Str("decision"));
        return decision.Str("id");
    }
}
