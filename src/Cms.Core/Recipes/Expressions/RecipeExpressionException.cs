namespace Cms.Recipes.Expressions;

/// <summary>A script expression that could not be evaluated; the caller adds where in the recipe it was.</summary>
internal sealed class RecipeExpressionException : Exception
{
    public RecipeExpressionException(string expression, string reason, Exception? innerException = null)
        : base($"Recipe expression '{expression}' failed: {reason}", innerException)
    {
        Expression = expression;
        Reason = reason;
    }

    public string Expression { get; }

    public string Reason { get; }
}
