using Microsoft.AspNetCore.Http;
using Orleans.Fin.Common;

namespace Orleans.Fin.Api.Infrastructure;

/// <summary>Stable RFC 9457 problem type URIs and the one mapping from error codes to them.</summary>
public static class ProblemTypes
{
    public const string Base = "https://orleans.fin/problems/";
    public const string Validation = Base + "validation";
    public const string MalformedRequest = Base + "malformed-request";
    public const string Unauthorized = Base + "unauthorized";
    public const string Forbidden = Base + "forbidden";
    public const string NotFound = Base + "not-found";
    public const string Conflict = Base + "conflict";
    public const string IdempotencyConflict = Base + "idempotency-conflict";
    public const string BusinessRule = Base + "business-rule";
    public const string Suitability = Base + "suitability";
    public const string AssessmentExpired = Base + "assessment-expired";
    public const string InvestmentRestricted = Base + "investment-restricted";
    public const string RateLimited = Base + "rate-limited";
    public const string MethodNotAllowed = Base + "method-not-allowed";
    public const string PayloadTooLarge = Base + "payload-too-large";
    public const string UnsupportedMediaType = Base + "unsupported-media-type";
    public const string NotAcceptable = Base + "not-acceptable";
    public const string OneTimeCodeRequired = Base + "one-time-code-required";
    public const string OneTimeCodeRefused = Base + "one-time-code-refused";
    public const string StepUpLocked = Base + "step-up-locked";
    public const string Unavailable = Base + "unavailable";
    public const string Internal = Base + "internal";

    public static (int Status, string Type, string Title) For(FinErrorCode code) => code switch
    {
        FinErrorCode.Validation => (StatusCodes.Status400BadRequest, Validation, "The request is invalid."),
        FinErrorCode.NotFound => (StatusCodes.Status404NotFound, NotFound, "Not found."),
        FinErrorCode.Conflict => (StatusCodes.Status409Conflict, Conflict, "Conflict."),
        FinErrorCode.IdempotencyConflict => (StatusCodes.Status409Conflict, IdempotencyConflict, "Idempotency key reused."),
        FinErrorCode.Forbidden => (StatusCodes.Status403Forbidden, Forbidden, "Forbidden."),
        FinErrorCode.BusinessRule => (StatusCodes.Status422UnprocessableEntity, BusinessRule, "Refused by a business rule."),
        FinErrorCode.Unsuitable => (StatusCodes.Status422UnprocessableEntity, Suitability, "The product is above the customer's risk level."),
        FinErrorCode.AssessmentExpired => (StatusCodes.Status422UnprocessableEntity, AssessmentExpired, "The risk assessment has expired."),
        FinErrorCode.InvestmentRestricted => (StatusCodes.Status422UnprocessableEntity, InvestmentRestricted, "Buying is restricted for this customer."),
        FinErrorCode.Unavailable => (StatusCodes.Status503ServiceUnavailable, Unavailable, "The service is temporarily unavailable."),
        _ => (StatusCodes.Status500InternalServerError, Internal, "Unexpected error."),
    };

    /// <summary>Type and title for a bare status code (authentication, routing, rate limiting).</summary>
    public static (string Type, string Title) ForStatus(int status) => status switch
    {
        StatusCodes.Status400BadRequest => (MalformedRequest, "The request is malformed."),
        StatusCodes.Status401Unauthorized => (Unauthorized, "A valid bearer token is required."),
        StatusCodes.Status403Forbidden => (Forbidden, "Forbidden."),
        StatusCodes.Status404NotFound => (NotFound, "Not found."),
        StatusCodes.Status405MethodNotAllowed => (MethodNotAllowed, "The method is not allowed on this resource."),
        StatusCodes.Status406NotAcceptable => (NotAcceptable, "No acceptable representation."),
        StatusCodes.Status409Conflict => (Conflict, "Conflict."),
        StatusCodes.Status413PayloadTooLarge => (PayloadTooLarge, "The request body is too large."),
        StatusCodes.Status415UnsupportedMediaType => (UnsupportedMediaType, "The body must be application/json."),
        StatusCodes.Status422UnprocessableEntity => (BusinessRule, "Refused by a business rule."),
        StatusCodes.Status429TooManyRequests => (RateLimited, "Too many requests."),
        StatusCodes.Status503ServiceUnavailable => (Unavailable, "The service is temporarily unavailable."),
        >= 500 => (Internal, "Unexpected error."),
        _ => (Base + status.ToString(System.Globalization.CultureInfo.InvariantCulture), "Request failed."),
    };
}
