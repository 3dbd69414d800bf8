namespace Orleans.Fin.Risk.Domain;

/// <summary>What a sender's amount history holds before a payment: how many payments, and the largest in CNY.</summary>
public readonly record struct SenderHistory(long Payments, decimal LargestCny);
