-- The storage convention (docs/storage.md): enums are stored as snake_case words. Version 1 stored an
-- agent booking's state by C# name ('Pending'); every state is one word.
UPDATE agent_bookings SET state = lower(state);
