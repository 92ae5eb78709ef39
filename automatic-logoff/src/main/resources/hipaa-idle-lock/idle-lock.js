// The HIPAA bundle's idle lock for clinical web apps (automatic logoff, 45 CFR 164.312(a)(2)(iii)).
//
//   import { start } from "https://<keycloak>/realms/<realm>/hipaa-session/idle-lock.js";
//   start({ realmUrl, accessToken: async () => currentAccessToken, unlockUrl: "/login", onLock: dropTokens });
//
// It reports the user's activity (keys, pointer, touch, scroll) to the server, shows a countdown before the
// session's lock time, covers the page when the session locks or ends, and sends the user to unlock (the app's
// sign-in, which Keycloak answers with the workstation's short factor inside the same session). The server
// decides: the times come from /hipaa-session/status, counted on the server's clock, never the workstation's.

const USER_EVENTS = ["keydown", "pointerdown", "pointermove", "touchstart", "wheel", "scroll"];

export function start(options) {
  const lock = new IdleLock(options);
  lock.begin();
  return lock;
}

class IdleLock {
  constructor({ realmUrl, accessToken, unlockUrl, onLock = () => {}, onEnd = () => {}, warnSeconds = 60, reportSeconds = 30 }) {
    if (!realmUrl || typeof accessToken !== "function" || !unlockUrl) {
      throw new Error("idle-lock: realmUrl, accessToken (a function) and unlockUrl are required");
    }
    this.base = realmUrl.replace(/\/$/, "") + "/hipaa-session/";
    this.accessToken = accessToken;
    this.unlockUrl = unlockUrl;
    this.onLock = onLock;
    this.onEnd = onEnd;
    this.warnSeconds = warnSeconds;
    this.reportSeconds = reportSeconds;
    this.status = null;
    this.fetchedAt = 0;
    this.activeSinceReport = false;
    this.shown = null;
  }

  begin() {
    USER_EVENTS.forEach((name) => addEventListener(name, () => { this.activeSinceReport = true; }, { passive: true, capture: true }));
    this.ask("status", "GET");
    this.tick = setInterval(() => this.everySecond(), 1000);
    this.report = setInterval(() => this.reportActivity(), this.reportSeconds * 1000);
    this.poll = setInterval(() => this.ask("status", "GET"), 10000);
  }

  // The server's clock now, from its last answer.
  serverNow() {
    return this.status.now + (Date.now() - this.fetchedAt) / 1000;
  }

  async reportActivity() {
    if (this.activeSinceReport && this.status && this.status.state === "active") {
      this.activeSinceReport = false;
      await this.ask("activity", "POST");
    }
  }

  async ask(path, method) {
    let token;
    try {
      token = await this.accessToken();
    } catch (e) {
      token = null;
    }
    if (!token) {
      // the app could not renew its token: the server refused the refresh, the session is locked or over
      this.show("locked");
      return;
    }
    try {
      const answer = await fetch(this.base + path, { method, headers: { Authorization: "Bearer " + token } });
      if (answer.status === 401) {
        this.status = { state: "ended", now: Date.now() / 1000 };
      } else if (answer.ok) {
        this.status = await answer.json();
      } else {
        return;
      }
      this.fetchedAt = Date.now();
      this.everySecond();
    } catch (e) {
      // the server is unreachable: keep counting down on the last answer
    }
  }

  everySecond() {
    const s = this.status;
    if (!s) {
      return;
    }
    if (s.state === "ended") {
      return this.show("ended");
    }
    const now = this.serverNow();
    if (now >= s.endAt) {
      return this.ask("status", "GET").then(() => this.status.state === "ended" || this.show("ended"));
    }
    if (s.state === "locked") {
      return this.show("locked");
    }
    if (s.lockAt != null && now >= s.lockAt) {
      // confirm with the server: another tab's activity may have moved the lock
      return this.ask("status", "GET");
    }
    const limit = s.lockAt != null ? s.lockAt : s.endAt;
    const left = Math.ceil(limit - now);
    // short policies warn for the last half of their time
    const warnFrom = Math.min(this.warnSeconds, Math.floor((limit - s.activeAt) / 2));
    if (left <= warnFrom) {
      this.show("countdown", left, s.lockAt != null ? "locks" : "ends");
    } else {
      this.show(null);
    }
  }

  show(what, secondsLeft, verb) {
    if (what === "locked" && this.shown !== "locked") {
      this.onLock();
    }
    if (what === "ended" && this.shown !== "ended") {
      this.onEnd();
    }
    this.shown = what;
    const overlay = this.overlay();
    if (what === null) {
      overlay.hidden = true;
      return;
    }
    overlay.hidden = false;
    const cover = what !== "countdown";
    Object.assign(overlay.style, cover
      ? { inset: "0", background: "#102a43", color: "#fff", alignItems: "center", justifyContent: "center" }
      : { inset: "auto 0 0 0", background: "#fff3c4", color: "#102a43", alignItems: "center", justifyContent: "center" });
    this.message.textContent = what === "countdown" ? `Your session ${verb} in ${secondsLeft} s without activity.`
      : what === "locked" ? "Session locked after inactivity." : "Your session has ended.";
    this.countdown.textContent = what === "countdown" ? String(secondsLeft) : "";
    this.button.hidden = what === "countdown";
    this.button.textContent = what === "locked" ? "Unlock" : "Sign in";
    if (cover) {
      this.button.focus();
    }
  }

  overlay() {
    if (this.element) {
      return this.element;
    }
    const overlay = document.createElement("div");
    overlay.id = "hipaa-idle-lock";
    overlay.setAttribute("role", "alertdialog");
    overlay.setAttribute("aria-live", "assertive");
    Object.assign(overlay.style, { position: "fixed", zIndex: "2147483647", display: "flex", flexDirection: "column",
      gap: "1rem", padding: "1.5rem", font: "1.25rem system-ui, sans-serif" });
    this.message = document.createElement("p");
    this.message.id = "hipaa-idle-message";
    this.countdown = document.createElement("span");
    this.countdown.id = "hipaa-idle-countdown";
    this.countdown.hidden = true;
    this.button = document.createElement("button");
    this.button.id = "hipaa-idle-unlock";
    this.button.type = "button";
    Object.assign(this.button.style, { fontSize: "1.25rem", padding: "0.75rem 2rem", minWidth: "12rem" });
    this.button.addEventListener("click", () => { location.href = this.unlockUrl; });
    overlay.append(this.message, this.countdown, this.button);
    document.body.append(overlay);
    this.element = overlay;
    return overlay;
  }
}
