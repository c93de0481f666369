"""A private OpenLink Virtuoso (Debian's `virtuoso-opensource`, 7.2) for the store tests.

Runs `virtuoso-t` in the foreground as a child process, with its database in a directory of its
own and both ports on 127.0.0.1, then lets the anonymous /sparql user run SPARQL Update. The
same steps are in docs/stores.md. By hand:

    python tests/virtuoso_server.py /tmp/vt 8890     # prints the --store spec; Ctrl-C stops it
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

INI = """\
[Database]
DatabaseFile = {dir}/virtuoso.db
ErrorLogFile = {dir}/virtuoso.log
LockFile = {dir}/virtuoso.lck
TransactionFile = {dir}/virtuoso.trx
xa_persistent_file = {dir}/virtuoso.pxa
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {dir}/virtuoso-temp.db
TransactionFile = {dir}/virtuoso-temp.trx

[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
; 10000 buffers of 8 kB: ~100 MB of RAM, plenty for tests and small stores
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
DirsAllowed = .

[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerThreads = 4

[SPARQL]
; claimgraph reads whole result sets (the default caps them at 10000 rows)
ResultSetMaxRows = 1000000
MaxQueryExecutionTime = 300
"""

# Anonymous /sparql requests run as the SQL user "SPARQL"; it may read but not update.
GRANT = 'grant SPARQL_UPDATE to "SPARQL";'


def binaries() -> tuple[str, str] | None:
    """`virtuoso-t` and Debian's `isql-vt` (upstream calls it `isql`), or None."""
    server, isql = shutil.which("virtuoso-t"), shutil.which("isql-vt")
    return (server, isql) if server and isql else None


def start(directory: Path, sql_port: int, http_port: int,
          timeout: float = 120) -> tuple[subprocess.Popen, str]:
    """Start Virtuoso on an empty or existing database directory; return it and its spec."""
    found = binaries()
    if found is None:
        raise RuntimeError("virtuoso-t / isql-vt not installed (apt install virtuoso-opensource)")
    server, isql = found
    directory.mkdir(parents=True, exist_ok=True)
    ini = directory / "virtuoso.ini"
    ini.write_text(INI.format(dir=directory.resolve(), sql_port=sql_port, http_port=http_port))
    log = (directory / "stdout.log").open("wb")
    process = subprocess.Popen([server, "-f", "-c", str(ini)], cwd=directory,
                               stdout=log, stderr=subprocess.STDOUT)
    endpoint = f"http://127.0.0.1:{http_port}/sparql"
    ask = endpoint + "?" + urllib.parse.urlencode({"query": "ASK {}"})
    deadline = time.monotonic() + timeout
    while True:  # the first start creates the database: a few seconds
        try:
            request = urllib.request.Request(
                ask, headers={"Accept": "application/sparql-results+json"})
            urllib.request.urlopen(request, timeout=2).read()
            granted = subprocess.run(  # exits 0 on SQL errors, which it prints as "*** Error"
                [isql, f"127.0.0.1:{sql_port}", "dba", "dba", f"exec={GRANT}"],
                stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=30)
            if granted.returncode == 0 and "Error" not in granted.stdout + granted.stderr:
                break
        except OSError:
            pass
        if time.monotonic() > deadline or process.poll() is not None:
            stop(process)
            tail = (directory / "stdout.log").read_text(errors="replace")[-2000:]
            raise RuntimeError(f"virtuoso did not start:\n{tail}")
        time.sleep(0.3)
    return process, f"sparql:{endpoint}"


def stop(process: subprocess.Popen) -> None:
    """SIGTERM makes Virtuoso checkpoint and exit cleanly."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


if __name__ == "__main__":
    directory = Path(sys.argv[1] if len(sys.argv) > 1 else "virtuoso-db")
    http_port = int(sys.argv[2]) if len(sys.argv) > 2 else 8890
    sql_port = int(sys.argv[3]) if len(sys.argv) > 3 else 1111
    server_process, spec = start(directory, sql_port, http_port)
    print(spec, flush=True)
    try:
        server_process.wait()
    except KeyboardInterrupt:
        stop(server_process)
