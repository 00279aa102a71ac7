#!/usr/bin/env bash
# Times README.md's two commands on an empty Debian 12 machine: a `debootstrap
# --variant=minbase bookworm` chroot with the apt sources of a fresh install, into which a
# clean clone of this repository's HEAD is copied. The numbers go into README.md.
#   benchmarks/fresh_machine.sh run     the run command, until the server prints its URL;
#                                       then every page and API route once, and Ctrl+C
#   benchmarks/fresh_machine.sh tests   the test command; then the browser tests again
#                                       without /etc/hosts, and the processes they left
# Needs root, debootstrap and the Debian mirror. WORK (default /var/tmp/wiedza-fresh)
# keeps the debootstrapped base between runs; each run starts from a fresh copy of it.
# The run command serves on 127.0.0.1:8080, which the chroot shares with this machine.
set -euo pipefail
mode=${1:-}
[ "$mode" = run ] || [ "$mode" = tests ] || { echo "usage: $0 run|tests" >&2; exit 2; }
[ "$(id -u)" -eq 0 ] || { echo "$0: needs root (debootstrap, chroot, mount)" >&2; exit 2; }
repo=$(cd "$(dirname "$0")/.." && pwd)
work=${WORK:-/var/tmp/wiedza-fresh}
mirror=http://deb.debian.org/debian
mkdir -p "$work"

if [ ! -d "$work/base" ]; then
  debootstrap --variant=minbase bookworm "$work/base.tmp" "$mirror" >"$work/debootstrap.log"
  mv "$work/base.tmp" "$work/base"
fi
root="$work/$mode"
# Never delete through a mount left by an interrupted run (that would be this machine's /dev).
if grep -q " $root/" /proc/mounts; then echo "$0: $root still has mounts; umount them first" >&2; exit 1; fi
rm -rf --one-file-system "$root"
cp -a "$work/base" "$root"
# What a fresh Debian 12 install has and minbase lacks: updates and security sources, and
# /etc/hosts (the tests mode removes it again later).
cat >"$root/etc/apt/sources.list" <<EOF
deb $mirror bookworm main
deb $mirror bookworm-updates main
deb http://deb.debian.org/debian-security bookworm-security main
EOF
printf '127.0.0.1 localhost\n::1 localhost ip6-localhost ip6-loopback\n' >"$root/etc/hosts"
git clone -q --no-local "$repo" "$root/root/wiedza"

# Fresh mounts rather than recursive binds, so that unmounting cannot reach this
# machine's own; Chromium needs a writable /dev/shm.
mount -t proc proc "$root/proc"
mount -t sysfs sysfs "$root/sys"
mount --bind /dev "$root/dev"
mount -t tmpfs tmpfs "$root/dev/shm"
cleanup() { for m in dev/shm dev sys proc; do umount "$root/$m" || true; done; }
trap cleanup EXIT

# A machine behind a TLS-intercepting proxy has its proxy's CA configured for npm (README,
# Troubleshooting); this machine's is NODE_EXTRA_CA_CERTS, handed to the chroot the same way.
extra_ca=()
if [ -n "${NODE_EXTRA_CA_CERTS:-}" ] && [ -f "$NODE_EXTRA_CA_CERTS" ]; then
  cp "$NODE_EXTRA_CA_CERTS" "$root/root/proxy-ca.pem"
  extra_ca=(NODE_EXTRA_CA_CERTS=/root/proxy-ca.pem)
fi
in_chroot() {
  chroot "$root" /usr/bin/env -i HOME=/root LANG=C.UTF-8 TERM=dumb "${extra_ca[@]}" \
    PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin bash -c "cd /root/wiedza && $1"
}
# The README's commands, word for word: the first and second line that runs install-deps.sh.
readme_command() { grep '^bash scripts/install-deps.sh' "$repo/README.md" | sed -n "${1}p"; }
packages() { chroot "$root" dpkg-query -W -f='${Status}\n' | grep -c 'install ok installed'; }
# Processes whose root directory is the chroot (nothing of the tests may be left).
left_in_chroot() {
  for p in /proc/[0-9]*; do
    [ "$(readlink "$p/root" 2>/dev/null)" = "$root" ] && echo "$(basename "$p") $(tr '\0' ' ' <"$p/cmdline")"
  done
  return 0
}
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); packages before: $(packages)"

if [ "$mode" = run ]; then
  if curl -s -o /dev/null http://127.0.0.1:8080/; then echo "$0: port 8080 is taken" >&2; exit 1; fi
  command=$(readme_command 1)
  echo "command: $command"
  start=$(date +%s)
  export root
  export -f in_chroot
  # A process group of its own, so that Ctrl+C can be sent to it as a terminal would.
  setsid bash -c 'in_chroot "$0"' "$command" >"$work/run.log" 2>&1 &
  server=$!
  until grep -q 'is serving' "$work/run.log"; do
    kill -0 $server 2>/dev/null || { tail -20 "$work/run.log"; echo "run command failed" >&2; exit 1; }
    sleep 1
  done
  echo "serving after $(( $(date +%s) - start )) s; packages after: $(packages)"
  echo "compiler warnings: $(grep -c 'warning:' "$work/run.log" || true)"
  for path in / /szukaj "/szukaj?q=zgubiony+dowod" /artykul/dowod-osobisty-utrata /admin /widget.js \
              /healthz /metrics "/api/search?q=wywoz+smieci" "/api/suggest?q=dow"; do
    echo "GET $path: $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:8080$path")"
  done
  kill -INT -- -$server
  status=0
  wait $server || status=$?
  echo "after Ctrl+C: exit status $status"
  exit 0
fi

command=$(readme_command 2)
echo "command: $command"
start=$(date +%s)
status=0
in_chroot "$command" >"$work/tests.log" 2>&1 || status=$?
echo "test command: exit status $status after $(( $(date +%s) - start )) s; packages after: $(packages)"
echo "compiler warnings: $(grep -c 'warning:' "$work/tests.log" || true)"
grep -E 'tests passed|Total Test time' "$work/tests.log" || true

rm "$root/etc/hosts"
echo "== browser tests without /etc/hosts"
in_chroot "ctest --test-dir build -R 'Browser|WebDriver' --output-on-failure" >"$work/nohosts.log" 2>&1 || true
grep -E 'tests passed' "$work/nohosts.log" || true
echo "distinct failure messages:"
grep -oE 'C\+\+ exception with description ".*" thrown' "$work/nohosts.log" | sort | uniq -c || true
sleep 2
echo "processes left in the chroot: $(left_in_chroot | wc -l)"
left_in_chroot
