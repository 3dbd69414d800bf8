namespace Orleans.Fin.Models;

/// <summary>What one silo serves for one model right now: the champion, the challenger (if any) and its traffic share.</summary>
public sealed record ServedModels(long Generation, LoadedModel Champion, LoadedModel? Challenger, double ChallengerShare);
