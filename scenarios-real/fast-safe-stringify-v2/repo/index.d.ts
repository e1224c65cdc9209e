declare function stringify(data: any): string;

export default stringify;
