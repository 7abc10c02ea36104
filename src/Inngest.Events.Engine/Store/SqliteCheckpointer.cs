using Microsoft.Data.Sqlite;

namespace Inngest.Events.Engine.Store;

/// <summary>
/// Copies the WAL back into the database file on a thread of its own (<c>PRAGMA wal_checkpoint(PASSIVE)</c> on its own
/// connection), so the fsyncs a checkpoint needs never hold up the writer; the writer's connection has automatic
/// checkpoints turned off. A checkpoint neither waits for nor blocks the writer and readers: what it cannot copy yet it
/// copies the next time.
/// </summary>
internal sealed class SqliteCheckpointer : IDisposable
{
    private readonly object _gate = new();
    private readonly SqliteConnection _connection;
    private readonly Thread _thread;
    private bool _requested;
    private bool _closing;

    public SqliteCheckpointer(string connectionString)
    {
        _connection = new SqliteConnection(connectionString);
        _connection.Open();
        _thread = new Thread(Loop) { IsBackground = true, Name = "Inngest engine store checkpointer" };
        _thread.Start();
    }

    /// <summary>Asks for a checkpoint soon (requests while one runs make one more).</summary>
    public void Request()
    {
        lock (_gate)
        {
            _requested = true;
            Monitor.Pulse(_gate);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _closing = true;
            Monitor.Pulse(_gate);
        }

        _thread.Join();
        _connection.Dispose();
    }

    private void Loop()
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
        while (true)
        {
            lock (_gate)
            {
                while (!_requested && !_closing)
                {
                    Monitor.Wait(_gate);
                }

                if (_closing)
                {
                    return;
                }

                _requested = false;
            }

            try
            {
                command.ExecuteNonQuery();
            }
            catch (SqliteException)
            {
                // A checkpoint that cannot run now (the file is busy, or failing) loses nothing: the WAL keeps every
                // commit, and the writer reports real write failures itself.
            }
        }
    }
}
