package main

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/coder/websocket"
	"github.com/coder/websocket/wsjson"
)

// Over the websocket the reader's language is the connection_init
// payload's language, else the upgrade request's Accept-Language (else the
// company's Chinese), unless the user saved one.
func TestSocketMessagesInTheReadersLanguage(t *testing.T) {
	app := newTestApp(t)
	sales := app.client(t).mustLogin("sales")
	messageOver := func(t *testing.T, header string, init map[string]any) string {
		t.Helper()
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		h := sales.cookieHeader()
		if header != "" {
			h.Set("Accept-Language", header)
		}
		conn, _, err := websocket.Dial(ctx, "ws"+strings.TrimPrefix(app.URL, "http")+"/graphql",
			&websocket.DialOptions{Subprotocols: []string{"graphql-transport-ws"}, HTTPHeader: h})
		if err != nil {
			t.Fatal(err)
		}
		defer conn.CloseNow()
		msg := map[string]any{"type": "connection_init"}
		if init != nil {
			msg["payload"] = init
		}
		if err := wsjson.Write(ctx, conn, msg); err != nil {
			t.Fatal(err)
		}
		var ack map[string]any
		if err := wsjson.Read(ctx, conn, &ack); err != nil || ack["type"] != "connection_ack" {
			t.Fatalf("ack %v %v", ack, err)
		}
		if err := wsjson.Write(ctx, conn, map[string]any{"type": "subscribe", "id": "1",
			"payload": map[string]any{"query": `{ nodes(nodeIds: ["Customer:1", "nonsense"]) { __typename } }`}}); err != nil {
			t.Fatal(err)
		}
		for i := 0; i < 5; i++ {
			var m struct {
				Type    string
				Payload struct {
					Errors []struct{ Message string }
				}
			}
			if err := wsjson.Read(ctx, conn, &m); err != nil {
				t.Fatal(err)
			}
			if m.Type == "next" && len(m.Payload.Errors) > 0 {
				return m.Payload.Errors[0].Message
			}
		}
		t.Fatal("no error came back")
		return ""
	}
	const en, zh = "is not a node id", "不是节点 ID"
	for _, c := range []struct {
		name, header string
		init         map[string]any
		want         string
	}{
		{"nothing: Chinese", "", nil, zh},
		{"the upgrade's Accept-Language", "en-US,en", nil, en},
		{"the init payload's language over the header", "en", map[string]any{"language": "zh-CN"}, zh},
		{"the init payload's language", "", map[string]any{"language": "en"}, en},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := messageOver(t, c.header, c.init); !strings.Contains(got, c.want) {
				t.Errorf("%q, want it to contain %q", got, c.want)
			}
		})
	}
	t.Run("the saved language wins", func(t *testing.T) {
		if r := sales.do(`mutation { updateMyLanguage(language: EN) { userErrors { code } } }`, nil); len(r.Errors) > 0 {
			t.Fatal(r.Errors)
		}
		if got := messageOver(t, "zh-CN", map[string]any{"language": "zh-CN"}); !strings.Contains(got, en) {
			t.Errorf("%q, want English", got)
		}
	})
}
