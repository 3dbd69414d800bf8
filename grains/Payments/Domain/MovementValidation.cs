using Orleans.Fin.Common;

namespace Orleans.Fin.Payments.Domain;

/// <summary>Checks a movement request before anything is written; client-api checks the same fields first.</summary>
public static class MovementValidation
{
    public static void Validate(MovementRequest request)
    {
        if (MoneyRules.Validate(request.Amount) is { } amountError)
        {
            throw new FinException(FinErrorCode.Validation, amountError, "amount");
        }

        switch (request.Kind)
        {
            case MovementKind.Deposit or MovementKind.LoanDisbursement or MovementKind.FundRedemption when request.ToAccountId is null:
            case MovementKind.Withdrawal or MovementKind.LoanRepayment or MovementKind.FundSubscription when request.FromAccountId is null:
            case MovementKind.Payment when request.FromAccountId is null || request.ToAccountId is null:
                throw new FinException(FinErrorCode.Validation, "The accounts of the movement are missing.");
            case MovementKind.Payment when request.FromAccountId == request.ToAccountId:
                throw new FinException(FinErrorCode.Validation, "toAccountId must differ from fromAccountId.", "toAccountId");
            case MovementKind.Payment when !Currencies.IsSupported(request.Currency):
                throw new FinException(FinErrorCode.Validation, "currency is not supported.", "currency");
            default:
                return;
        }
    }
}
