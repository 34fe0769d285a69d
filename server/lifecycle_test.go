package main

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/coder/websocket"
	"github.com/coder/websocket/wsjson"

	"github.com/jxcgraph/jxc/db/dbtest"
)

// TestManagedPostgresLifecycle runs the real binary with its own
// PostgreSQL: a clean stop leaves no PostgreSQL process, a second start
// reuses the data directory, and after SIGKILL the next start still works.
func TestManagedPostgresLifecycle(t *testing.T) {
	bin := buildBinaryUnlessShort(t, "builds and runs the binary")
	dataDir := dbtest.DataDir(t)
	start := func() (*exec.Cmd, string, *strings.Builder) {
		t.Helper()
		cmd := exec.Command(bin)
		cmd.Env = append(os.Environ(), "DEMO=1", "ADDR=127.0.0.1:0", "DATA_DIR="+dataDir, "DATABASE_URL=")
		stdout, _ := cmd.StdoutPipe()
		var logs strings.Builder
		cmd.Stderr = &logs
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		urlc := make(chan string, 1)
		var printed strings.Builder
		go func() {
			sc := bufio.NewScanner(stdout)
			re := regexp.MustCompile(`running at (http://\S+)/`)
			for sc.Scan() {
				printed.WriteString(sc.Text() + "\n")
				if m := re.FindStringSubmatch(sc.Text()); m != nil {
					urlc <- m[1]
				}
			}
		}()
		select {
		case u := <-urlc:
			waitReady(t, u)
			time.Sleep(100 * time.Millisecond) // let the rest of the banner print
			return cmd, u, &printed
		case <-time.After(90 * time.Second):
			cmd.Process.Kill()
			t.Fatalf("server did not start:\n%s", logs.String())
		}
		return nil, "", nil
	}

	cmd, url, banner := start()
	if !strings.Contains(banner.String(), "Demo company loaded") || !strings.Contains(banner.String(), "manager") {
		t.Errorf("first start banner: %q", banner.String())
	}
	if len(postgresProcesses(dataDir)) == 0 {
		t.Fatal("no managed PostgreSQL process found while the server runs")
	}
	loginOK(t, url)
	ws := openClockSocket(t, url)
	stop(t, cmd, syscall.SIGTERM)
	if code := <-ws; code != websocket.StatusNormalClosure && code != websocket.StatusGoingAway {
		t.Errorf("websocket closed with %d on shutdown, want 1000 or 1001", code)
	}
	if ps := postgresProcesses(dataDir); len(ps) > 0 {
		t.Fatalf("PostgreSQL left running after a clean stop: %v", ps)
	}

	cmd, url, banner = start()
	if strings.Contains(banner.String(), "Demo company loaded") {
		t.Errorf("second start loaded the demo again: %q", banner.String())
	}
	loginOK(t, url)
	stop(t, cmd, syscall.SIGKILL)
	// The kernel's parent-death signal makes PostgreSQL shut down.
	deadline := time.Now().Add(20 * time.Second)
	for len(postgresProcesses(dataDir)) > 0 && time.Now().Before(deadline) {
		time.Sleep(100 * time.Millisecond)
	}
	if ps := postgresProcesses(dataDir); len(ps) > 0 {
		t.Errorf("PostgreSQL left running 20 s after SIGKILL: %v", ps)
	}
	cmd, url, _ = start()
	loginOK(t, url)
	stop(t, cmd, syscall.SIGINT)
	if ps := postgresProcesses(dataDir); len(ps) > 0 {
		t.Fatalf("PostgreSQL left running: %v", ps)
	}
}

// openClockSocket signs in, subscribes to the clock and reports the close
// code the server ends the socket with.
func openClockSocket(t *testing.T, url string) <-chan websocket.StatusCode {
	t.Helper()
	resp, err := http.Post(url+"/graphql", "application/json",
		strings.NewReader(`{"query":"mutation { login(input: {username: \"manager\", password: \"demo\"}) { user { username } } }"}`))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	h := http.Header{}
	for _, c := range resp.Cookies() {
		h.Add("Cookie", c.Name+"="+c.Value)
	}
	ctx := context.Background()
	conn, _, err := websocket.Dial(ctx, "ws"+strings.TrimPrefix(url, "http")+"/graphql",
		&websocket.DialOptions{Subprotocols: []string{"graphql-transport-ws"}, HTTPHeader: h})
	if err != nil {
		t.Fatal(err)
	}
	_ = wsjson.Write(ctx, conn, map[string]any{"type": "connection_init"})
	_ = wsjson.Write(ctx, conn, map[string]any{"type": "subscribe", "id": "1", "payload": map[string]any{"query": "subscription { clock }"}})
	var first map[string]any
	for first["type"] != "next" {
		if err := wsjson.Read(ctx, conn, &first); err != nil {
			t.Fatalf("no clock tick: %v", err)
		}
	}
	done := make(chan websocket.StatusCode, 1)
	go func() {
		rctx, cancel := context.WithTimeout(ctx, 30*time.Second)
		defer cancel()
		for {
			var m map[string]any
			if err := wsjson.Read(rctx, conn, &m); err != nil {
				done <- websocket.CloseStatus(err)
				return
			}
		}
	}()
	return done
}

func waitReady(t *testing.T, url string) {
	t.Helper()
	for i := 0; i < 200; i++ {
		if resp, err := http.Get(url + "/readyz"); err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 {
				return
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatal("never ready")
}

func loginOK(t *testing.T, url string) {
	t.Helper()
	resp, err := http.Post(url+"/graphql", "application/json",
		strings.NewReader(`{"query":"mutation { login(input: {username: \"manager\", password: \"demo\"}) { user { username } } }"}`))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if !strings.Contains(string(b), `"username":"manager"`) {
		t.Fatalf("login: %s", b)
	}
}

func stop(t *testing.T, cmd *exec.Cmd, sig syscall.Signal) {
	t.Helper()
	_ = cmd.Process.Signal(sig)
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case <-done:
	case <-time.After(40 * time.Second):
		cmd.Process.Kill()
		t.Fatalf("server did not stop on %v", sig)
	}
}

// postgresProcesses lists the pids of PostgreSQL processes whose command
// line names dataDir.
func postgresProcesses(dataDir string) []string {
	var out []string
	dirs, _ := os.ReadDir("/proc")
	for _, d := range dirs {
		b, err := os.ReadFile(filepath.Join("/proc", d.Name(), "cmdline"))
		if err != nil {
			continue
		}
		cl := strings.ReplaceAll(string(b), "\x00", " ")
		if strings.Contains(cl, "postgres") && strings.Contains(cl, dataDir) {
			out = append(out, d.Name()+": "+cl)
		}
	}
	return out
}
