using System.Security.Claims;
using Orleans.Fin.Common;

namespace Orleans.Fin.Api.Infrastructure;

/// <summary>Who is calling, as the validated token says, and what that allows.</summary>
public static class Caller
{
    public const string CustomerRole = "customer";
    public const string OperatorRole = "operator";
    public const string RiskOfficerRole = "risk-officer";
    public const string AdminRole = "admin";

    public static readonly IReadOnlyList<string> AllRoles = [CustomerRole, OperatorRole, RiskOfficerRole, AdminRole];
    public static readonly string[] StaffRoles = [OperatorRole, RiskOfficerRole, AdminRole];

    public static string Subject(this ClaimsPrincipal user) =>
        user.FindFirstValue("sub") ?? throw new FinException(FinErrorCode.Forbidden, "The token has no subject.");

    public static bool IsStaff(this ClaimsPrincipal user) => StaffRoles.Any(user.IsInRole);

    /// <summary>Staff may read any customer's things; a customer only its own.</summary>
    public static void EnsureCanRead(this ClaimsPrincipal user, string ownerCustomerId)
    {
        if (!user.IsStaff() && !user.IsOwner(ownerCustomerId))
        {
            throw new FinException(FinErrorCode.Forbidden, "This resource belongs to another customer.");
        }
    }

    /// <summary>Only the customer itself moves its money.</summary>
    public static void EnsureOwner(this ClaimsPrincipal user, string ownerCustomerId)
    {
        if (!user.IsOwner(ownerCustomerId))
        {
            throw new FinException(FinErrorCode.Forbidden, "Only the account holder may do this.");
        }
    }

    /// <summary>Only customers move money; the grain that reads the account checks that it is the caller's.</summary>
    public static void EnsureCustomer(this ClaimsPrincipal user)
    {
        if (!user.IsInRole(CustomerRole))
        {
            throw new FinException(FinErrorCode.Forbidden, "Only the account holder may do this.");
        }
    }

    public static bool IsOwner(this ClaimsPrincipal user, string ownerCustomerId) =>
        user.IsInRole(CustomerRole) && user.FindFirstValue("sub") == ownerCustomerId;
}
