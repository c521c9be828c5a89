namespace Envoi.Core.Signatures.Model;

/// <summary>What the author is doing: rules may pick a shorter signature for replies.</summary>
public enum MessageKind
{
    New,
    Reply,
    Forward,
}
