namespace Cms.Recipes.Expressions;

/// <summary>
/// Thrown by a recipe function (<c>base64</c>, <c>parameters</c>, <c>file:text</c>, ...) with the reason only;
/// <see cref="RecipeExpressions"/> turns it into a <see cref="RecipeExpressionException"/> naming the expression.
/// </summary>
internal sealed class ScriptFunctionException : Exception
{
    public ScriptFunctionException(string reason, Exception? innerException = null)
        : base(reason, innerException)
    {
    }
}
