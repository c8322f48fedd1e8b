namespace PhoneBooking.SchedulingApi.Storage;

/// <summary>Runs a non-idempotent write (facility verify counts failed PINs) in one transaction.</summary>
internal static class WriteTransactionFilter
{
    public static RouteHandlerBuilder InWriteTransaction(this RouteHandlerBuilder builder) =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var unitOfWork = context.HttpContext.RequestServices.GetRequiredService<IUnitOfWork>();
            await unitOfWork.BeginAsync(context.HttpContext.RequestAborted);
            try
            {
                var result = await next(context);
                await unitOfWork.CommitAsync(context.HttpContext.RequestAborted);
                return result;
            }
            finally
            {
                await unitOfWork.RollbackAsync();
            }
        });
}
