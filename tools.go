//go:build tools

package jxc

import _ "github.com/99designs/gqlgen"
