namespace Orleans.Fin.Credit.Model;

/// <summary>The loaded models of a registry: the champion that decides and the challenger kept for comparison.</summary>
public sealed record CreditModelSet(CreditModelRegistry Registry, CreditModel Champion, CreditModel? Challenger)
{
    public IReadOnlyList<CreditModel> Models => Challenger is null ? [Champion] : [Champion, Challenger];
}
