namespace Orleans.Fin.Risk.Domain;

/// <summary>The reason codes a verdict can carry.</summary>
public static class RiskReasons
{
    public const string LargePaymentBurst = "LARGE_PAYMENT_BURST";
    public const string CardTesting = "CARD_TESTING";
    public const string NewPayeeBurst = "NEW_PAYEE_BURST";
    public const string NewDevice = "NEW_DEVICE";
    public const string UnboundDevice = "UNBOUND_DEVICE";
    public const string ImpossibleTravel = "IMPOSSIBLE_TRAVEL";
    public const string ImpossibleTravelThenPayment = "IMPOSSIBLE_TRAVEL_THEN_PAYMENT";
    public const string LoginThenPaymentNewDevice = "LOGIN_THEN_PAYMENT_NEW_DEVICE";
    public const string AmountFarAboveHistory = "AMOUNT_FAR_ABOVE_HISTORY";
    public const string ModelHigh = "MODEL_HIGH";
    public const string FreshlyBoundDevice = "FRESHLY_BOUND_DEVICE";
    public const string RiskyBinding = "BINDING_AFTER_NEW_DEVICE_LOGIN_FROM_NEW_PLACE";
    public const string UnusualAfterBinding = "UNUSUAL_PAYMENT_AFTER_BINDING";
    public const string PassThrough = "PASS_THROUGH";
    public const string WatchedBeneficiary = "WATCHED_BENEFICIARY";

    /// <summary>A High score capped at a code: a first large transfer to a new payee with nothing else against it.</summary>
    public const string FirstLargeTransfer = "FIRST_LARGE_TRANSFER_TO_NEW_PAYEE";

    /// <summary>A payment held for a call: another large transfer to a new payee soon after an unusual first one to it.</summary>
    public const string SecondLargeTransfer = "SECOND_LARGE_TRANSFER_AFTER_NEW_PAYEE";
}
