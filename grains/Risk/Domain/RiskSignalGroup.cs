namespace Orleans.Fin.Risk.Domain;

/// <summary>Signals that describe the same fact: within a group only the strongest adds points.</summary>
public enum RiskSignalGroup
{
    Device = 0,
    Travel = 1,
    LargeBurst = 2,
    CardTesting = 3,
    NewPayeeBurst = 4,
    Amount = 5,
    Model = 6,
    Binding = 7,
    AfterBinding = 8,
    PassThrough = 9,
}
