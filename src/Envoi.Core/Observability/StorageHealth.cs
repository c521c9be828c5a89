namespace Envoi.Core.Observability;

public enum StorageState
{
    /// <summary>Free space above the warning threshold.</summary>
    Ok,
    /// <summary>Below the warning threshold: mail is still accepted, operators should act.</summary>
    Low,
    /// <summary>Below the refusal threshold: new mail gets 452 4.3.1, what is stored is still relayed.</summary>
    Refusing,
}

/// <summary>How much room the message store has, in a sentence an operator can act on.</summary>
public sealed record StorageHealth(StorageState State, long FreeBytes, string Sentence);

/// <summary>Answers <c>/healthz</c> and the SMTP listener: is there room for more mail?</summary>
public interface IStorageHealth
{
    StorageHealth Check();
}
