/**
 * An SVG path context (the subset d3-geo's geoPath draws with) that writes
 * whole units in relative commands: "m480,120l3-2-1 4z" instead of
 * "M480.123,120.456L483.2,118.4…". The map's paths were most of its page's
 * bytes, and they travel twice (HTML and React's payload); a unit of a 960-wide
 * map is about one screen pixel, finer than the 1:110m outlines themselves.
 * Points are rounded before the differences are taken, so errors never add up.
 */
export class CompactPath {
  private parts: string[] = [];
  private x = 0;
  private y = 0;
  private ringStart: [number, number] = [0, 0];
  private ringOrigin: [number, number] = [0, 0];
  private ringPoints = 0;

  moveTo(x: number, y: number): void {
    const [rx, ry] = [Math.round(x), Math.round(y)];
    this.ringOrigin = [this.x, this.y];
    // The first move is absolute; later ones are relative to the current point.
    this.parts.push(this.parts.length === 0 ? `M${rx},${ry}` : `m${pair(rx - this.x, ry - this.y)}`);
    [this.x, this.y] = [rx, ry];
    this.ringStart = [rx, ry];
    this.ringPoints = 1;
  }

  lineTo(x: number, y: number): void {
    const [rx, ry] = [Math.round(x), Math.round(y)];
    // A point that rounds onto the previous one draws nothing.
    if (rx === this.x && ry === this.y) return;
    const last = this.parts.length - 1;
    const continuing = this.ringPoints > 1;
    const segment = pair(rx - this.x, ry - this.y);
    // After an "l", further pairs need no letter (a minus sign separates them).
    this.parts[last] += continuing ? (segment.startsWith("-") ? segment : ` ${segment}`) : `l${segment}`;
    [this.x, this.y] = [rx, ry];
    this.ringPoints += 1;
  }

  closePath(): void {
    // An islet that rounds to fewer than three points would draw nothing.
    if (this.ringPoints < 3) {
      this.parts.pop();
      [this.x, this.y] = this.ringOrigin;
      return;
    }
    this.parts[this.parts.length - 1] += "z";
    // After "z" the current point is the ring's start again.
    [this.x, this.y] = this.ringStart;
  }

  // The rest of d3-geo's context: canvas calls that outlines never need.
  beginPath(): void {}
  arc(): void {}

  result(): string {
    const d = this.parts.join("");
    this.parts = [];
    this.x = 0;
    this.y = 0;
    return d;
  }
}

const pair = (dx: number, dy: number) => `${dx}${dy < 0 ? "" : ","}${dy}`;
