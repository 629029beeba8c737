export default function NoMessage() {
  return <p className="p-8 text-sm text-slate-500">Choose a message to read it as HTML and as plain text.</p>;
}
