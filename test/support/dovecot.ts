/**
 * A private Dovecot (IMAP + LMTP) for integration tests: `dovecot -F` as a child process (never daemonized), on
 * free 127.0.0.1 ports, in a temporary folder with its own passwd-file of users. Works as root (mail is owned by
 * a dedicated uid) and as an ordinary user (every service runs as that user).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { hostname, tmpdir, userInfo } from 'node:os';
import { delimiter, join } from 'node:path';
import { createTransport } from 'nodemailer';

/** A mail user of the private Dovecot. */
export interface DovecotUser {
  /** Login name and LMTP recipient, e.g. `bot@example.test`. */
  user: string;
  pass: string;
}

/** Options of {@link startDovecot}. */
export interface DovecotOptions {
  /** Users besides the default `bot@example.test` / `secret`. */
  users?: DovecotUser[];
  /** How long to wait for the IMAP and LMTP ports, in ms (default 10 000). */
  startTimeoutMs?: number;
}

/** A running private Dovecot. */
export interface Dovecot {
  imapPort: number;
  lmtpPort: number;
  /** Every user, the default `bot@example.test` first. */
  users: DovecotUser[];
  /** The temporary folder holding configuration, state, logs and mail. */
  dir: string;
  /** Delivers a raw RFC 5322 message to `user`'s INBOX over LMTP (resolves once Dovecot accepted it). */
  deliver(user: string, rawMessage: Buffer | string): Promise<void>;
  /**
   * Writes a raw message straight into `user`'s Maildir/new, as an outside delivery agent would; works while
   * Dovecot is stopped (inside {@link Dovecot.restart}'s `whileDown`). Dovecot gives it a UID on the next scan.
   */
  dropIntoMaildir(user: string, rawMessage: Buffer | string): void;
  /**
   * Stops Dovecot (SIGTERM: clients get BYE and lose their connection), runs `whileDown` if given, then starts it
   * again on the same ports with the same mail.
   */
  restart(opts?: { whileDown?: () => Promise<void> | void }): Promise<void>;
  /** Stops Dovecot and deletes its folder. Safe to call twice. */
  stop(): Promise<void>;
  /** Dovecot's own log so far (for assertion messages). */
  log(): string;
}

const DEFAULT_USER: DovecotUser = { user: 'bot@example.test', pass: 'secret' };
/** Owner of the mail when Dovecot runs as root: any uid that is not 0 will do. */
const ROOT_MAIL_UID = 5000;
const INSTALL_HINT = 'install it: apt-get install -y dovecot-imapd dovecot-lmtpd';

/**
 * Starts a private Dovecot and waits until its IMAP and LMTP ports accept connections.
 *
 * @throws Error saying how to install Dovecot when it is missing, or with Dovecot's log when it fails to start.
 * @example
 * const dovecot = await startDovecot();
 * await dovecot.deliver('bot@example.test', 'Subject: hi\r\n\r\nhello\r\n');
 * // imap://bot@example.test:secret@127.0.0.1:${dovecot.imapPort}
 * await dovecot.stop();
 */
export async function startDovecot(opts: DovecotOptions = {}): Promise<Dovecot> {
  const binary = findDovecot();
  const users = [DEFAULT_USER, ...(opts.users ?? [])];
  const timeoutMs = opts.startTimeoutMs ?? 10_000;
  const dir = mkdtempSync(join(tmpdir(), 'sgbot-dovecot-'));
  const [imapPort, lmtpPort] = await freePorts();
  const owner = mailOwner();
  const confPath = join(dir, 'dovecot.conf');
  const logPath = join(dir, 'dovecot.log');
  try {
    // mkdtemp makes the folder 0700; mail processes run as the mail owner and must reach DIR/mail.
    chmodSync(dir, 0o755);
    for (const sub of ['run', 'state']) mkdirSync(join(dir, sub));
    mkdirSync(join(dir, 'mail'), { mode: 0o755 });
    if (owner.root) chownSync(join(dir, 'mail'), owner.uid, owner.gid);
    writeFileSync(join(dir, 'users'), users.map((u) => `${u.user}:{PLAIN}${u.pass}::::::\n`).join(''), { mode: 0o644 });
    writeFileSync(confPath, dovecotConf({ dir, imapPort, lmtpPort, owner, logPath }));
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }

  let child: ChildProcess | null = null;
  let stopped = false;

  const start = async (): Promise<void> => {
    child = await launch(binary, confPath, logPath, [imapPort, lmtpPort], timeoutMs);
  };
  const halt = async (): Promise<void> => {
    const running = child;
    child = null;
    if (running) await terminate(running);
  };

  try {
    await start();
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }

  return {
    imapPort,
    lmtpPort,
    users,
    dir,
    async deliver(user, rawMessage) {
      const transport = createTransport({ host: '127.0.0.1', port: lmtpPort, lmtp: true, secure: false, ignoreTLS: true });
      try {
        await transport.sendMail({ envelope: { from: 'sender@example.test', to: [user] }, raw: rawMessage });
      } finally {
        transport.close();
      }
    },
    dropIntoMaildir(user, rawMessage) {
      const maildir = join(dir, 'mail', user, 'Maildir');
      for (const sub of ['', 'tmp', 'new', 'cur']) {
        const path = join(maildir, sub);
        if (!existsSync(path)) {
          mkdirSync(path, { mode: 0o700 });
          if (owner.root) chownSync(path, owner.uid, owner.gid);
        }
      }
      const name = `${Date.now()}.M${process.hrtime.bigint()}P${process.pid}.${hostname()}`;
      const tmp = join(maildir, 'tmp', name);
      writeFileSync(tmp, rawMessage, { mode: 0o600 });
      if (owner.root) chownSync(tmp, owner.uid, owner.gid);
      renameSync(tmp, join(maildir, 'new', name));
    },
    async restart(restartOpts = {}) {
      if (stopped) throw new Error('this Dovecot was stopped; start a new one');
      await halt();
      await restartOpts.whileDown?.();
      await start();
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      await halt();
      rmSync(dir, { recursive: true, force: true });
    },
    log() {
      return existsSync(logPath) ? readFileSync(logPath, 'utf8') : '';
    },
  };
}

interface MailOwner {
  root: boolean;
  uid: number;
  gid: number;
  /** Names for default_internal_user / default_internal_group when not root. */
  user: string;
  group: string;
}

function mailOwner(): MailOwner {
  const uid = process.getuid?.() ?? 0;
  if (uid === 0) return { root: true, uid: ROOT_MAIL_UID, gid: ROOT_MAIL_UID, user: 'dovecot', group: 'dovecot' };
  const gid = process.getgid?.() ?? uid;
  const group = spawnSync('id', ['-gn'], { encoding: 'utf8' }).stdout.trim() || String(gid);
  return { root: false, uid, gid, user: userInfo().username, group };
}

function dovecotConf(c: { dir: string; imapPort: number; lmtpPort: number; owner: MailOwner; logPath: string }): string {
  const { dir, owner } = c;
  // As an ordinary user, Dovecot cannot switch users nor chroot: every service runs as the current user.
  const nonRoot = owner.root
    ? ''
    : `default_internal_user = ${owner.user}
default_login_user = ${owner.user}
default_internal_group = ${owner.group}
service imap-login {
  chroot =
}
`;
  return `# private Dovecot for sgbot tests (test/support/dovecot.ts)
base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${c.logPath}
protocols = imap lmtp
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
mail_location = maildir:~/Maildir
first_valid_uid = 1
mail_max_userip_connections = 100
passdb {
  driver = passwd-file
  args = ${dir}/users
}
userdb {
  driver = passwd-file
  args = ${dir}/users
  default_fields = uid=${owner.uid} gid=${owner.gid} home=${dir}/mail/%u
}
${nonRoot}# No growing penalty for failed logins from 127.0.0.1: one test's wrong password must not slow the next test.
service anvil {
  ${owner.root ? '' : 'chroot ='}
  unix_listener anvil-auth-penalty {
    mode = 0
  }
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${c.imapPort}
  }
  inet_listener imaps {
    port = 0
  }
}
service lmtp {
  inet_listener lmtp {
    address = 127.0.0.1
    port = ${c.lmtpPort}
  }
}
protocol imap {
  mail_max_userip_connections = 100
}
`;
}

function findDovecot(): string {
  const dirs = [...(process.env['PATH'] ?? '').split(delimiter), '/usr/sbin', '/usr/local/sbin', '/sbin'];
  const binary = dirs.filter(Boolean).map((d) => join(d, 'dovecot')).find((p) => existsSync(p));
  if (!binary) throw new Error(`dovecot is not installed (no "dovecot" in PATH nor /usr/sbin); ${INSTALL_HINT}`);
  for (const helper of ['imap', 'imap-login', 'lmtp']) {
    if (!existsSync(join('/usr/lib/dovecot', helper))) {
      throw new Error(`dovecot is installed but /usr/lib/dovecot/${helper} is missing; ${INSTALL_HINT}`);
    }
  }
  return binary;
}

async function launch(binary: string, confPath: string, logPath: string, ports: number[], timeoutMs: number): Promise<ChildProcess> {
  // Its own process group: Dovecot's imap processes outlive the master on SIGTERM (they belong to the clients),
  // so stopping means signalling the whole group, as systemd does with the service's cgroup.
  const child = spawn(binary, ['-F', '-c', confPath], { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<never>((_, reject) => {
    child.once('error', (err) => reject(new Error(`cannot run ${binary} (${err.message}); ${INSTALL_HINT}`)));
    child.once('exit', (code, signal) => {
      const log = existsSync(logPath) ? readFileSync(logPath, 'utf8') : '';
      reject(new Error(`dovecot exited during start (code ${code}, signal ${signal}):\n${output}${log.slice(-4000)}`));
    });
  });
  exited.catch(() => undefined); // observed below; after start an exit is no longer an error
  const deadline = Date.now() + timeoutMs;
  try {
    for (const port of ports) await Promise.race([waitForPort(port, deadline), exited]);
  } catch (err) {
    if (child.exitCode === null && child.signalCode === null) await terminate(child);
    throw err;
  }
  child.removeAllListeners('exit');
  child.removeAllListeners('error');
  return child;
}

async function waitForPort(port: number, deadline: number): Promise<void> {
  for (;;) {
    if (await canConnect(port)) return;
    if (Date.now() > deadline) throw new Error(`dovecot did not listen on 127.0.0.1:${port} in time`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Stops the master and every process of its group (imap, log, stats…): clients get BYE and lose the connection. */
async function terminate(child: ChildProcess): Promise<void> {
  const group = child.pid;
  if (group === undefined) return;
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    signalGroup(group, 'SIGTERM');
    const timer = setTimeout(() => signalGroup(group, 'SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }
  // Mail processes may still be saying BYE; give them a moment, then make sure none is left.
  const deadline = Date.now() + 3_000;
  while (signalGroup(group, 0)) {
    if (Date.now() > deadline) {
      signalGroup(group, 'SIGKILL');
      break;
    }
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Sends `signal` to process group `group`; `false` when the group no longer exists. */
function signalGroup(group: number, signal: NodeJS.Signals | 0): boolean {
  try {
    process.kill(-group, signal);
    return true;
  } catch {
    return false;
  }
}

/** Two free loopback ports (IMAP, LMTP). */
async function freePorts(): Promise<[number, number]> {
  // Hold both listeners until both ports are known, so that the same port is not handed out twice.
  const servers = await Promise.all(
    [0, 1].map(() => {
      const srv = createServer();
      return new Promise<ReturnType<typeof createServer>>((resolve, reject) => {
        srv.once('error', reject);
        srv.listen(0, '127.0.0.1', () => resolve(srv));
      });
    }),
  );
  const ports = servers.map((srv) => {
    const addr = srv.address();
    return typeof addr === 'object' && addr ? addr.port : 0;
  });
  await Promise.all(servers.map((srv) => new Promise((r) => srv.close(r))));
  return [ports[0] ?? 0, ports[1] ?? 0];
}
