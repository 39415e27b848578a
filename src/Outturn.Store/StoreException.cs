namespace Outturn.Store;

/// <summary>The store cannot be used as asked (written by a newer Outturn, unreachable, or a request it cannot answer).</summary>
public sealed class StoreException : Exception
{
    /// <summary>Creates the exception with a message for people.</summary>
    public StoreException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message for people and its cause.</summary>
    public StoreException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
