#!/usr/bin/env bash
# A throw-away Dovecot IMAP server for the email plugin's tests, on a loopback port of its own.
#
#   scripts/dovecot.sh start <dir> <port> <user> <password> [<introspection-url> [<mechanisms>]]
#       writes <dir>/dovecot.conf, <dir>/passwd and a maildir under <dir>/mail, starts
#       `dovecot -c <dir>/dovecot.conf` (it puts itself into the background) and waits until
#       <port> accepts connections. Prints nothing but errors; the log is <dir>/dovecot.log.
#       With <introspection-url> (http://127.0.0.1:<port>/<path>), the user may also log in with
#       an OAuth2 access token (AUTHENTICATE XOAUTH2 or OAUTHBEARER): Dovecot's oauth2 passdb
#       POSTs token=<token> to that URL (RFC 7662 introspection) and takes an answer of
#       {"active": true, "username": "<user>"} as a valid token for <user>; the password keeps
#       working. <mechanisms> are those offered for tokens, "xoauth2 oauthbearer" by default
#       ("xoauth2" alone is what Microsoft 365 offers). Its settings are <dir>/oauth2.conf.ext.
#   scripts/dovecot.sh stop <dir>
#       stops that instance and waits until its processes are gone; safe to call twice.
#
# Everything the instance writes (pid, sockets, state, mail, log) lives under <dir>, so it never
# meets a system Dovecot (/run/dovecot, port 143) nor another test's instance. Needs root (Dovecot
# drops to uid 65534 for the mail and to its own dovecot/dovenull users for auth and login) and
# Debian's dovecot-imapd (2.3).
set -euo pipefail

usage() {
  echo "usage: $0 start <dir> <port> <user> <password> [<introspection-url> [<mechanisms>]] | stop <dir>" >&2
  exit 2
}

# The user that owns the maildir. Dovecot refuses to run mail processes as root (uid 0).
MAIL_UID=65534
MAIL_GID=65534

write_config() {
  local dir=$1 port=$2 introspection_url=${3:-} token_mechanisms=${4:-}
  local mechanisms="plain login" password_mechanisms="" oauth2_passdb=""
  if [[ -n "$introspection_url" ]]; then
    mechanisms="plain login $token_mechanisms"
    password_mechanisms="
  mechanisms = plain login"
    write_oauth2_config "$dir" "$introspection_url"
    oauth2_passdb="
# The log then says why a token was refused (\"oauth2 failed: Introspection failed: Provided
# token is not valid\", \"Username 'a' did not match 'b'\").
auth_verbose = yes
# An OAuth2 access token (AUTHENTICATE XOAUTH2 / OAUTHBEARER) is checked by the introspection
# endpoint of $dir/oauth2.conf.ext, and only for the token mechanisms: a password never goes
# there, and a token is never compared with the password above.
passdb {
  driver = oauth2
  mechanisms = $token_mechanisms
  args = $dir/oauth2.conf.ext
}"
  fi
  cat >"$dir/dovecot.conf" <<EOF
# Written by scripts/dovecot.sh for one test run; deleted with its directory.
# The process titles say "dovecot-test-$port/..." so a leftover is easy to tell from a system one.
instance_name = dovecot-test-$port
# Without these two, the master pid, the auth/anvil/stats/log sockets and the instance registry
# go to /run/dovecot and /var/lib/dovecot and would clash with a system Dovecot or other tests.
base_dir = $dir/run
state_dir = $dir/state
listen = 127.0.0.1
protocols = imap
log_path = $dir/dovecot.log

ssl = no
# Plain-text LOGIN/AUTHENTICATE PLAIN over a connection without TLS (loopback only).
disable_plaintext_auth = no
auth_mechanisms = $mechanisms
# Default 2 s (a wrong password is answered after ~1.5 s); at 0 it is ~0.5 s, which keeps
# wrong-password tests quick.
auth_failure_delay = 0
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u $dir/passwd$password_mechanisms
}$oauth2_passdb
userdb {
  driver = static
  args = uid=$MAIL_UID gid=$MAIL_GID home=$dir/mail/%u
}
# Mail processes run as 65534 (nobody); Dovecot refuses uids below first_valid_uid. No system
# config is read here, so the valid range is stated rather than left to a default.
first_valid_uid = $MAIL_UID
first_valid_gid = $MAIL_GID

mail_location = maildir:$dir/mail/%u
# Test mail needs no durability; an fsync per APPEND only costs time (500 APPENDs: 1.3 s with
# the default "optimized", 1.0 s without, on ext4; more on a slow CI disk).
mail_fsync = never
# Dovecot notices new mail through inotify; should that be unavailable, it polls this often
# (default 30 s) and IDLE tests would time out.
mailbox_idle_check_interval = 1 secs

namespace inbox {
  inbox = yes
  separator = /
  # The special-use flags are what a client uses to find Sent/Drafts/... whatever they are called;
  # auto = subscribe creates and subscribes them at the first login.
  mailbox Sent {
    special_use = \\Sent
    auto = subscribe
  }
  mailbox Drafts {
    special_use = \\Drafts
    auto = subscribe
  }
  mailbox Trash {
    special_use = \\Trash
    auto = subscribe
  }
  mailbox Junk {
    special_use = \\Junk
    auto = subscribe
  }
  mailbox Archive {
    special_use = \\Archive
    auto = subscribe
  }
}

protocol imap {
  # Default 10 per user and IP: a sync test with a few clients plus reconnects reaches that.
  mail_max_userip_connections = 100
}

# anvil's auth penalty delays every later login from an IP that once failed (2 s, doubling up
# to 15 s), successful ones too: after one wrong-password test all others would crawl. Taking
# away its socket is Dovecot's documented way to turn it off.
service anvil {
  unix_listener anvil-auth-penalty {
    mode = 0
  }
}

service imap-login {
  inet_listener imap {
    port = $port
  }
  # Not in use (ssl = no); port 0 keeps Dovecot from binding 993.
  inet_listener imaps {
    port = 0
  }
}
EOF
}

# The oauth2 passdb's own settings file (Dovecot 2.3: key = value lines, read by the auth process).
write_oauth2_config() {
  local dir=$1 url=$2
  cat >"$dir/oauth2.conf.ext" <<EOF
# Written by scripts/dovecot.sh: OAuth2 tokens for this test instance.
# No tokeninfo_url: Dovecot then asks the introspection endpoint directly, as a POST of
# "token=<token>" (application/x-www-form-urlencoded).
introspection_mode = post
introspection_url = $url
# The token's user is the "username" field of the answer; it must equal the user who logs in
# (compared after username_format, by default %Lu: lower-cased).
username_attribute = username
# RFC 7662: an expired, revoked or unknown token is answered {"active": false}.
active_attribute = active
active_value = true
# A stub that does not answer must not hold a login forever (the default, 0, sets no limit).
timeout_msecs = 5000
EOF
  # The auth process runs as user "dovecot" and reads this file at its start.
  chmod 0644 "$dir/oauth2.conf.ext"
}

wait_for_port() {
  local port=$1 dir=$2
  for _ in $(seq 1 100); do
    # bash's /dev/tcp: a connect that succeeds means imap-login is listening.
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      return 0
    fi
    sleep 0.1
  done
  echo "dovecot did not accept connections on 127.0.0.1:$port within 10 s; its log:" >&2
  tail -n 20 "$dir/dovecot.log" >&2 2>/dev/null || true
  return 1
}

start() {
  local dir=$1 port=$2 user=$3 password=$4 introspection_url=${5:-} token_mechanisms=${6:-xoauth2 oauthbearer}
  command -v dovecot >/dev/null || [[ -x /usr/sbin/dovecot ]] || {
    echo "dovecot is not installed: apt-get install -y dovecot-imapd" >&2
    exit 1
  }
  (( EUID == 0 )) || {
    echo "scripts/dovecot.sh must run as root (it chowns the maildir to $MAIL_UID; Dovecot drops privileges itself)" >&2
    exit 1
  }
  [[ "$user$password" != *:* && "$user" != *[[:space:]]* ]] || {
    echo "user and password must not contain ':' (passwd-file field separator) or spaces" >&2
    exit 2
  }
  [[ -z "$introspection_url" || "$introspection_url" =~ ^https?://[^[:space:]]+$ ]] || {
    echo "the introspection URL must be an http(s) URL without spaces: $introspection_url" >&2
    exit 2
  }
  [[ "$token_mechanisms" =~ ^(xoauth2|oauthbearer)( (xoauth2|oauthbearer))?$ ]] || {
    echo "the token mechanisms must be xoauth2, oauthbearer or both: $token_mechanisms" >&2
    exit 2
  }
  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd) # Dovecot wants absolute paths
  # mktemp -d makes 0700 dirs; the mail user (65534) and Dovecot's auth user must get through it.
  chmod 0755 "$dir"
  mkdir -p "$dir/mail" "$dir/state"
  chown "$MAIL_UID:$MAIL_GID" "$dir/mail"
  # The auth process (user "dovecot", not root) reads the passwd file.
  printf '%s:{PLAIN}%s\n' "$user" "$password" >"$dir/passwd"
  chmod 0644 "$dir/passwd"
  write_config "$dir" "$port" "$introspection_url" "$token_mechanisms"
  # The daemonized master keeps the stdout/stderr it was started with open, so a caller that
  # reads this script's output to the end (Node's execFile) would wait forever: give it a file.
  PATH="/usr/sbin:$PATH" dovecot -c "$dir/dovecot.conf" >"$dir/startup.log" 2>&1 || {
    echo "dovecot -c $dir/dovecot.conf failed:" >&2
    cat "$dir/startup.log" >&2
    tail -n 20 "$dir/dovecot.log" >&2 2>/dev/null || true
    exit 1
  }
  wait_for_port "$port" "$dir"
}

# Whether a process of group $1 still runs. A zombie does not count: the master is reparented
# to PID 1 when it daemonizes, and a container's PID 1 may take a second or more to reap it.
group_alive() {
  ps -eo pgid=,stat= | awk -v g="$1" '$1 == g && $2 !~ /^Z/ { found = 1 } END { exit !found }'
}

stop() {
  local dir pidfile pid
  dir=$(cd "$1" 2>/dev/null && pwd) || return 0 # already stopped and removed
  pidfile="$dir/run/master.pid"
  [[ -f "$pidfile" ]] || return 0
  pid=$(cat "$pidfile")
  # Only a master that still runs our config: a pid left over from a crash may since belong to
  # another process.
  if tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "-c $dir/dovecot.conf" &&
    [[ "$(ps -o pgid= -p "$pid" | tr -d ' ')" == "$pid" ]]; then
    # The master daemonizes with setsid(), so it leads a process group of its own that every
    # Dovecot process of this instance (imap, imap-login, auth, log, ...) belongs to. A SIGTERM to
    # the master alone takes ~2 s (it outlives its other children waiting for the log process);
    # one to the whole group ends them all at once.
    kill -TERM -- "-$pid" 2>/dev/null || true
    for _ in $(seq 1 100); do
      group_alive "$pid" || break
      sleep 0.05
    done
    kill -KILL -- "-$pid" 2>/dev/null || true
  fi
  rm -f "$pidfile"
}

case "${1:-}" in
  start) (( $# >= 5 && $# <= 7 )) || usage; start "$2" "$3" "$4" "$5" "${6:-}" "${7:-xoauth2 oauthbearer}" ;;
  stop) (( $# == 2 )) || usage; stop "$2" ;;
  *) usage ;;
esac
