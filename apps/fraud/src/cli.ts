console.log('fraud cli', process.argv.slice(2));
