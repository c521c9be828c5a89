namespace Envoi.Fuzz;

/// <summary>
/// One piece of Envoi that reads untrusted bytes, wrapped so a fuzzer can feed it anything. <see cref="Run"/>
/// returns normally for every input Envoi handles correctly — including inputs it refuses with a clear
/// error — and throws for everything else: an unexpected exception, or an <see cref="InvariantViolation"/>
/// when the output breaks a promise (bytes changed outside the insertion, a part lost…).
/// </summary>
public interface IFuzzTarget
{
    /// <summary>The name on the command line and the corpus folder (<c>fuzz/corpus/NAME</c>).</summary>
    string Name { get; }

    /// <summary>What is fuzzed and what is checked, for <c>envoi-fuzz list</c>.</summary>
    string Description { get; }

    void Run(byte[] input);
}

/// <summary>A promise of the code under test was broken; the message says which.</summary>
public sealed class InvariantViolation(string message) : Exception(message);
