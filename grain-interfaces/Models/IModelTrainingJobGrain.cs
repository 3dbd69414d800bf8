namespace Orleans.Fin.Models;

/// <summary>One retraining job (key: job id). Start returns at once; the training runs off the request path.</summary>
[Alias("fin.IModelTrainingJobGrain")]
public interface IModelTrainingJobGrain : IGrainWithStringKey
{
    [Alias("Start")]
    Task<TrainingJobView> Start(string model, string requestedBy);

    [Alias("Get")]
    Task<TrainingJobView?> Get();
}
