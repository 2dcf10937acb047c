namespace DeepCnn.NotebookExecution;

/// <summary>An observer made of a callback, to subscribe to the kernel's event stream without Rx.</summary>
internal sealed class EventObserver<T>(Action<T> onNext) : IObserver<T>
{
    public void OnNext(T value) => onNext(value);

    public void OnError(Exception error)
    {
    }

    public void OnCompleted()
    {
    }
}
