using PhoneBooking.Storage;

namespace PhoneBooking.SchedulingApi.Storage;

internal static class UnitOfWorkExtensions
{
    /// <summary>Attempts at a transaction that collides with another instance's (PostgreSQL deadlock or serialization failure).</summary>
    public const int MaxAttempts = 3;

    /// <summary>
    /// Runs <paramref name="work"/> in one transaction. When the database rolls it back because it
    /// collided with another instance's, it runs again from the start: nothing of the failed attempt
    /// was kept (its after-commit effects were dropped with it).
    /// </summary>
    public static async Task<T> InTransactionAsync<T>(this IUnitOfWork unitOfWork, Func<Task<T>> work, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await unitOfWork.BeginAsync(cancellationToken);
            try
            {
                var result = await work();
                await unitOfWork.CommitAsync(cancellationToken);
                return result;
            }
            catch (Exception ex) when (attempt < MaxAttempts && StorageErrors.IsConflict(ex))
            {
                // Rolled back below; the next attempt starts afresh.
            }
            finally
            {
                await unitOfWork.RollbackAsync();
            }
        }
    }
}
